namespace JuheSms.Generators
{
    /// <summary>The names of the generator's incremental steps (tests assert these stay cached).</summary>
    internal static class TrackingNames
    {
        public const string TemplatesFiles = nameof(TemplatesFiles);
        public const string Parse = nameof(Parse);
        public const string Diagnostics = nameof(Diagnostics);
        public const string ReportFileDiagnostics = nameof(ReportFileDiagnostics);
        public const string SourceModel = nameof(SourceModel);
        public const string RootNamespace = nameof(RootNamespace);
        public const string ResolvedModel = nameof(ResolvedModel);
        public const string HintNames = nameof(HintNames);
        public const string NullableAnnotations = nameof(NullableAnnotations);
        public const string Emit = nameof(Emit);

        /// <summary>Every tracked step, for tests.</summary>
        public static readonly string[] All = { TemplatesFiles, Parse, Diagnostics, ReportFileDiagnostics, SourceModel, RootNamespace, ResolvedModel, HintNames, NullableAnnotations, Emit };
    }
}
