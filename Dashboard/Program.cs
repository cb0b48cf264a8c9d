using Dashboard;

return await DashboardApp.RunAsync(args);

/// <summary>The entry point, public so tests can name the app's assembly.</summary>
public partial class Program;
