# One image for every role: `control-plane`, `data-plane`, or no argument for all-in-one.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY . .
RUN dotnet publish src/KonnectES.Server/KonnectES.Server.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# The all-in-one mode runs a private PostgreSQL when no connection string is set.
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV KONNECTES_DATA_DIR=/var/lib/konnectes \
    DOTNET_gcServer=1
VOLUME /var/lib/konnectes
EXPOSE 8000 8001 8005 8100 8443
ENTRYPOINT ["dotnet", "KonnectES.Server.dll"]
