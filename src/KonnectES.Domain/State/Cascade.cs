namespace KonnectES.Domain;

/// <summary>Kong's delete behaviour (kong-gateway-model §2.10): restrict or cascade per foreign key.</summary>
internal static class Cascade
{
    /// <summary>The entities a delete removes, children before parents, or the restricting references.</summary>
    public static (IReadOnlyList<ConfigEntity> Removed, IReadOnlyList<DomainError> Errors) Collect(ControlPlaneConfig state, ConfigEntity root)
    {
        var removed = new List<ConfigEntity>();
        var errors = new List<DomainError>();
        var visited = new HashSet<Guid>();
        Visit(root);
        return (removed, errors);

        void Visit(ConfigEntity entity)
        {
            if (!visited.Add(entity.Id))
            {
                return;
            }

            foreach (var childId in state.ChildrenOf(entity.Id).Order())
            {
                var child = state.Find(childId)!;
                var reference = Relations.References(child).First(r => r.ParentId == entity.Id);
                if (reference.OnDelete == OnDelete.Restrict)
                {
                    errors.Add(DomainError.Conflicting(
                        $"an existing '{Relations.Table(child.EntityType)}' entity references this '{Relations.Table(entity.EntityType)}' entity",
                        Relations.Table(child.EntityType), child.Id.ToString()));
                }
                else
                {
                    Visit(child);
                }
            }

            removed.Add(entity);
        }
    }
}
