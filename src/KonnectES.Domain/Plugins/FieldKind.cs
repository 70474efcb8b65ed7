namespace KonnectES.Domain;

/// <summary>Types of plugin config fields (a subset of Kong's schema typedefs).</summary>
internal enum FieldKind
{
    String,
    Integer,
    Number,
    Boolean,
    StringArray,
    IntegerArray,
    Record,
}
