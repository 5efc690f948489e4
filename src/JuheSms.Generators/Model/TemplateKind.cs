namespace JuheSms.Generators.Model
{
    /// <summary>
    /// The <c>kind</c> of a template; the values mirror <c>JuheSms.SmsTemplateKind</c> (the emitted code names that enum).
    /// A template without <c>kind</c> is a <see cref="Notification"/> (documented in templates.schema.json).
    /// </summary>
    internal enum TemplateKind
    {
        Verification = 1,
        Notification = 2,
        Marketing = 3,
    }
}
