using Feeds;

// The binaries' folder as content root, so that the repository's appsettings.json is never read
// whichever directory this starts in: the command line alone configures a benchmark run.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddFeeds();
var app = builder.Build();
app.UseFeeds();
app.MapFeeds();
app.Run();
