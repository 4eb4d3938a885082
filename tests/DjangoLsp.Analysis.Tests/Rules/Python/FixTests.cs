using DjangoLsp.Analysis.Engine;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Tests.Rules.Python;

/// <summary>Every fix: apply its edits, reparse (no syntax error), re-analyse (finding gone, nothing new), check the text.</summary>
public class FixTests
{
    private static (string Fixed, CodeFix Fix) ApplyOnlyFix(string code, string ruleId)
    {
        var finding = RuleTestHelper.Analyze(code).Single(f => f.Rule.Id == ruleId);
        Assert.That(finding.Fixes, Has.Count.EqualTo(1), "one fix offered");
        var fix = finding.Fixes[0];
        var result = RuleTestHelper.Apply(code, fix);
        Assert.That(PythonSyntaxTree.Parse(result).HasErrors, Is.False, result);
        return (result, fix);
    }

    /// <summary>After the fix the file has no finding at all (the original is gone and nothing new appeared).</summary>
    private static void AssertClean(string code, string before)
    {
        Assert.That(RuleTestHelper.IdsAndLines(before), Is.Not.Empty);
        Assert.That(RuleTestHelper.IdsAndLines(code), Is.Empty, code);
    }

    [Test]
    public void Sql_fstring_with_like_wildcards_becomes_parameterized()
    {
        const string code = "from django.db import connection\ndef v(request):\n    q = request.GET['q']\n    with connection.cursor() as c:\n        c.execute(f\"SELECT id FROM p WHERE name ILIKE '%{q}%' AND cat = '{q}' ORDER BY name\")\n";
        var (result, fix) = ApplyOnlyFix(code, "DJ101");
        Assert.That(result, Does.Contain("c.execute(\"SELECT id FROM p WHERE name ILIKE %s AND cat = %s ORDER BY name\", [f\"%{q}%\", q])"));
        Assert.That(fix.SafeForFixAll, Is.True);
        AssertClean(result, code);
    }

    [Test]
    public void Sql_percent_format_in_local_variable_rewrites_assignment_and_call()
    {
        const string code = "from .models import P\ndef v(request):\n    sql = \"SELECT * FROM p WHERE a = '%s' AND b = %d AND c LIKE 'x%%'\" % (request.GET['a'], request.GET['b'])\n    return P.objects.raw(sql)\n";
        var (result, _) = ApplyOnlyFix(code, "DJ101");
        Assert.That(result, Does.Contain("sql = \"SELECT * FROM p WHERE a = %s AND b = %s AND c LIKE 'x%%'\""));
        Assert.That(result, Does.Contain("P.objects.raw(sql, [request.GET['a'], request.GET['b']])"));
        AssertClean(result, code);
    }

    [Test]
    public void Sql_format_in_rawsql_fills_the_empty_params()
    {
        const string code = "from django.db.models.expressions import RawSQL\ndef v(request):\n    term = request.GET['q']\n    return RawSQL(\"POSITION('{}' IN name)\".format(term.lower()), ())\n";
        var (result, _) = ApplyOnlyFix(code, "DJ101");
        Assert.That(result, Does.Contain("RawSQL(\"POSITION(%s IN name)\", (term.lower(),))"));
        AssertClean(result, code);
    }

    [Test]
    public void Sql_extra_where_gets_params()
    {
        const string code = "from .models import P\ndef v(request):\n    lo = request.GET['lo']\n    return P.objects.extra(where=[f\"price > {lo}\"])\n";
        var (result, _) = ApplyOnlyFix(code, "DJ101");
        Assert.That(result, Does.Contain("extra(where=[\"price > %s\"], params=[lo])"));
        AssertClean(result, code);
    }

    [Test]
    public void Sql_identifier_stays_in_text_and_fix_is_marked_for_review()
    {
        const string code = "from django.db import connection\ndef v(request):\n    col = request.GET['c']\n    with connection.cursor() as cur:\n        cur.execute(f\"SELECT * FROM p WHERE a = {col} ORDER BY {col}\")\n";
        var (result, fix) = ApplyOnlyFix(code, "DJ101");
        Assert.That(result, Does.Contain("cur.execute(f\"SELECT * FROM p WHERE a = %s ORDER BY {col}\", [col])"));
        Assert.That(fix.SafeForFixAll, Is.False);
    }

    [Test]
    public void Format_html_fix_moves_values_into_arguments()
    {
        const string code = "from django.utils.html import format_html\ndef badge(name, n):\n    return format_html(f'<span class=\"b\" data-n=\"{n}\">{name} {{x}}</span>')\n";
        var (result, _) = ApplyOnlyFix(code, "DJ203");
        Assert.That(result, Does.Contain("format_html('<span class=\"b\" data-n=\"{}\">{} {{x}}</span>', n, name)"));
        AssertClean(result, code);
    }

    [Test]
    public void Redirect_fix_inserts_guard_and_import_once()
    {
        const string code = "from django.shortcuts import redirect\n\n\ndef logout_view(request):\n    return redirect(request.GET.get(\"next\", \"/\"))\n";
        var (result, _) = ApplyOnlyFix(code, "DJ301");
        Assert.That(result, Is.EqualTo(
            "from django.shortcuts import redirect\nfrom django.utils.http import url_has_allowed_host_and_scheme\n\n\ndef logout_view(request):\n"
            + "    next_url = request.GET.get(\"next\", \"/\")\n"
            + "    if not url_has_allowed_host_and_scheme(url=next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):\n"
            + "        next_url = \"/\"\n"
            + "    return redirect(next_url)\n"));
        AssertClean(result, code);
    }

    [Test]
    public void Redirect_fix_uses_login_redirect_url_when_settings_is_imported_and_keeps_existing_import()
    {
        const string code = "from django.conf import settings\nfrom django.http import HttpResponseRedirect\nfrom django.utils.http import url_has_allowed_host_and_scheme\ndef v(request):\n    target = request.POST['next']\n    return HttpResponseRedirect(target)\n";
        var (result, _) = ApplyOnlyFix(code, "DJ301");
        Assert.That(result, Does.Contain("        target = settings.LOGIN_REDIRECT_URL\n    return HttpResponseRedirect(target)"));
        Assert.That(result.Split("import url_has_allowed_host_and_scheme").Length, Is.EqualTo(2));
        AssertClean(result, code);
    }

    [Test]
    public void Is_safe_url_fix_renames_call_import_and_host_keyword()
    {
        const string code = "from django.utils.http import is_safe_url\ndef v(request, url):\n    return is_safe_url(url, host=request.get_host())\n";
        var (result, _) = ApplyOnlyFix(code, "DJ302");
        Assert.That(result, Is.EqualTo("from django.utils.http import url_has_allowed_host_and_scheme\ndef v(request, url):\n    return url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()})\n"));
        AssertClean(result, code);
    }

    [Test]
    public void Subprocess_fix_builds_an_argument_list_without_shell()
    {
        const string code = "import subprocess\ndef v(request, src, dst):\n    size = request.POST['size']\n    subprocess.run(f\"convert {src} -resize {size} --out={dst}\", shell=True, check=True)\n";
        var (result, fix) = ApplyOnlyFix(code, "DJ121");
        Assert.That(result, Does.Contain("subprocess.run([\"convert\", src, \"-resize\", size, f\"--out={dst}\"], shell=False, check=True)"));
        Assert.That(fix.SafeForFixAll, Is.False);
        AssertClean(result, code);
    }
}
