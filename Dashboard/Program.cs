using Dashboard;

DashboardApp.Build(args).Run();

/// <summary>The entry point, public so tests can name the app's assembly.</summary>
public partial class Program;
