using DjangoLsp.Analysis.Tests.Settings;
using NUnit.Framework;

namespace DjangoLsp.Analysis.Tests.Rules.Settings;

/// <summary>Fixes produce exactly the text a person would write, keeping indentation, quotes and the rest of the file.</summary>
public class SettingsFixFormattingTests
{
    private static string FixOnce(string text, string rule, string file = "proj/settings.py")
    {
        var files = new MemoryFiles((file, text));
        var finding = SettingsTestSupport.Analyze(files, file).First(f => f.Rule.Id == rule);
        return SettingsTestSupport.Apply(files, file, finding.Fixes[0]);
    }

    [Test]
    public void CsrfMiddlewareIsInsertedAfterCommonMiddlewareWithTheListsIndentationAndQuotes()
    {
        var text = "SECRET_KEY = 'x'\nMIDDLEWARE = [\n  'django.middleware.security.SecurityMiddleware',\n  'django.middleware.common.CommonMiddleware',  # common\n  'django.middleware.clickjacking.XFrameOptionsMiddleware'\n]\n";
        Assert.That(FixOnce(text, "DJ319"), Is.EqualTo(
            "SECRET_KEY = 'x'\nMIDDLEWARE = [\n  'django.middleware.security.SecurityMiddleware',\n  'django.middleware.common.CommonMiddleware',\n  'django.middleware.csrf.CsrfViewMiddleware',  # common\n  'django.middleware.clickjacking.XFrameOptionsMiddleware'\n]\n"));
    }

    [Test]
    public void SecurityMiddlewareIsInsertedFirst()
    {
        var text = "SECRET_KEY = 'x'\nMIDDLEWARE = [\n    \"django.middleware.csrf.CsrfViewMiddleware\",\n]\n";
        Assert.That(FixOnce(text, "DJ505"), Is.EqualTo(
            "SECRET_KEY = 'x'\nMIDDLEWARE = [\n    \"django.middleware.security.SecurityMiddleware\",\n    \"django.middleware.csrf.CsrfViewMiddleware\",\n]\n"));
    }

    [Test]
    public void XFrameMiddlewareIsAppendedAfterALastItemWithoutComma()
    {
        var text = "SECRET_KEY = 'x'\nMIDDLEWARE = [\n    \"django.middleware.security.SecurityMiddleware\"\n]\n";
        Assert.That(FixOnce(text, "DJ332"), Is.EqualTo(
            "SECRET_KEY = 'x'\nMIDDLEWARE = [\n    \"django.middleware.security.SecurityMiddleware\",\n    \"django.middleware.clickjacking.XFrameOptionsMiddleware\",\n]\n"));
    }

    [Test]
    public void OneLineListStaysOnOneLine()
    {
        var text = "SECRET_KEY = 'x'\nMIDDLEWARE = [\"django.middleware.security.SecurityMiddleware\", \"django.middleware.csrf.CsrfViewMiddleware\"]\n";
        Assert.That(FixOnce(text, "DJ332"), Is.EqualTo(
            "SECRET_KEY = 'x'\nMIDDLEWARE = [\"django.middleware.security.SecurityMiddleware\", \"django.middleware.csrf.CsrfViewMiddleware\", \"django.middleware.clickjacking.XFrameOptionsMiddleware\"]\n"));
    }

    [Test]
    public void SecretKeyFixAddsImportOsOnceAfterTheDocstring()
    {
        var text = "\"\"\"Settings.\"\"\"\nfrom pathlib import Path\n\nSECRET_KEY = \"django-insecure-abc\"\nDEBUG = False\n";
        var fixedText = FixOnce(text, "DJ504");
        Assert.That(fixedText, Is.EqualTo(
            "\"\"\"Settings.\"\"\"\nimport os\nfrom pathlib import Path\n\nSECRET_KEY = os.environ[\"DJANGO_SECRET_KEY\"]\nDEBUG = False\n"));
        var withImport = "import os\nSECRET_KEY = \"django-insecure-abc\"\n";
        Assert.That(FixOnce(withImport, "DJ504"), Is.EqualTo("import os\nSECRET_KEY = os.environ[\"DJANGO_SECRET_KEY\"]\n"));
    }

    [Test]
    public void ValueFixReplacesOnlyTheValueAndKeepsTheComment()
    {
        var text = "SECRET_KEY = 'x'\nSESSION_COOKIE_SECURE = False  # TLS at the proxy\nINSTALLED_APPS = ['django.contrib.sessions']\n";
        Assert.That(FixOnce(text, "DJ511"), Is.EqualTo(
            "SECRET_KEY = 'x'\nSESSION_COOKIE_SECURE = True  # TLS at the proxy\nINSTALLED_APPS = ['django.contrib.sessions']\n"));
    }

    [Test]
    public void MissingSettingIsAddedAtTheEnd()
    {
        var text = "SECRET_KEY = 'x'\nMIDDLEWARE = ['django.middleware.security.SecurityMiddleware']";
        Assert.That(FixOnce(text, "DJ506"), Is.EqualTo(text + "\nSECURE_HSTS_SECONDS = 31536000\n"));
    }
}
