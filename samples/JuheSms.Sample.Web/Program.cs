using JuheSms.Sample.Web;
using Microsoft.AspNetCore.Builder;

// dotnet run --project samples/JuheSms.Sample.Web --urls http://127.0.0.1:5080
SampleApp.Build(args).Run();

/// <summary>The sample's entry point.</summary>
public partial class Program
{
}
