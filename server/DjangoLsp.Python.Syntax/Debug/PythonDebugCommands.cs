using System.Diagnostics;
using System.Text;

namespace DjangoLsp.Python.Syntax.Debug;

/// <summary>Entry points for <c>djangolsp debug ast</c> and <c>djangolsp debug parse</c>.</summary>
public static class PythonDebugCommands
{
    /// <summary>
    /// Prints one JSON object per file: <c>{"path": P, "ast": TREE}</c> (CPython 3.11 <c>ast</c> shape) or
    /// <c>{"path": P, "error": {"line": N, "message": M}}</c> for the first syntax error. Returns 0, or 1 if a file could not be read.
    /// </summary>
    public static int DebugAst(IEnumerable<string> paths, TextWriter output)
    {
        int rc = 0;
        foreach (var path in paths)
        {
            var sb = new StringBuilder("{\"path\": ");
            JsonText.WriteString(sb, path);
            string? text;
            string? readError;
            try
            {
                text = SourceReader.Read(File.ReadAllBytes(path), out readError, out int badLine);
                if (text is null)
                {
                    AppendError(sb, badLine, readError ?? "cannot decode file");
                    output.WriteLine(sb.ToString());
                    continue;
                }
            }
            catch (IOException e)
            {
                AppendError(sb, 0, e.Message);
                output.WriteLine(sb.ToString());
                rc = 1;
                continue;
            }
            catch (UnauthorizedAccessException e)
            {
                AppendError(sb, 0, e.Message);
                output.WriteLine(sb.ToString());
                rc = 1;
                continue;
            }
            output.WriteLine(Dump(path, text));
        }
        return rc;
    }

    /// <summary>The <c>debug ast</c> line for already-decoded source text.</summary>
    public static string Dump(string path, string text)
    {
        var sb = new StringBuilder("{\"path\": ");
        JsonText.WriteString(sb, path);
        var tree = PythonSyntaxTree.Parse(text, path);
        var error = tree.Diagnostics.FirstOrDefault(d => !d.IsWarning);
        if (error is not null)
        {
            AppendError(sb, tree.GetLineNumber(error.Span.Start), error.Message);
        }
        else
        {
            sb.Append(", \"ast\": ").Append(PythonAstJson.Convert(tree)).Append('}');
        }
        return sb.ToString();
    }

    private static void AppendError(StringBuilder sb, int line, string message)
    {
        sb.Append(", \"error\": {\"line\": ").Append(line).Append(", \"message\": ");
        JsonText.WriteString(sb, message);
        sb.Append("}}");
    }

    /// <summary>Parses every .py file under the paths and prints: files, bytes, files with syntax errors, milliseconds.</summary>
    public static int DebugParse(IEnumerable<string> paths, TextWriter output)
    {
        var files = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p)) files.AddRange(Directory.EnumerateFiles(p, "*.py", SearchOption.AllDirectories));
            else if (File.Exists(p)) files.Add(p);
        }
        var texts = new List<string>(files.Count);
        long bytes = 0;
        foreach (var f in files)
        {
            var raw = File.ReadAllBytes(f);
            bytes += raw.Length;
            texts.Add(SourceReader.Read(raw, out _, out _) ?? Encoding.UTF8.GetString(raw));
        }
        int errors = 0;
        var sw = Stopwatch.StartNew();
        foreach (var t in texts)
        {
            if (PythonSyntaxTree.Parse(t).HasErrors) errors++;
        }
        sw.Stop();
        output.WriteLine($"files: {files.Count}, bytes: {bytes}, files with syntax errors: {errors}, milliseconds: {sw.ElapsedMilliseconds}");
        return 0;
    }
}
