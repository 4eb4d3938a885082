using DjangoLsp.Analysis.Engine;
using DjangoLsp.Templates.Syntax;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>DJ225: a URL attribute (or meta refresh URL) that starts with a template variable: javascript: URLs.</summary>
public sealed class UrlStartOutputRule : TemplateOutputRule
{
    public static readonly RuleDescriptor Rule = TemplateRuleSupport.Xss(
        "DJ225", "url-attribute-starts-with-variable", Severity.Warning, new[] { 79, 83 },
        "A URL attribute (href, src, action, ...) or a meta refresh URL starts with a template variable, so it can be a javascript: URL.",
        """
        ## What it does
        Reports URL-valued attributes (`href`, `src`, `action`, `formaction`, `data`, `poster`, `xlink:href`,
        `data-*url*`, ...) and `<meta http-equiv="refresh" content="0;url=...">` whose URL *begins* with a
        template variable.

        ## Why it matters
        Autoescaping keeps the value inside the attribute, but the value still chooses the URL's scheme:
        `javascript:alert(document.cookie)` runs script when the link is clicked (or the frame loads), and
        `data:text/html,...` shows attacker HTML. Users' "website" fields, `?next=` parameters and stored links
        are the usual sources. A variable later in the URL (`href="/search?q={{ q|urlencode }}"`) cannot change the
        scheme and is not reported.

        ## Example
        ```html
        <a href="{{ profile.website }}">{{ profile.website }}</a>
        ```

        ## Fix
        Accept only http(s) URLs when the value is stored (`URLField`/`URLValidator(schemes=["http", "https"])`)
        or check it in the view, and build internal links with `{% url %}`:
        ```html
        {% if profile.website_is_http %}<a href="{{ profile.website }}" rel="nofollow ugc">{{ profile.website }}</a>{% endif %}
        <a href="{% url 'accounts:profile' profile.pk %}">Profile</a>
        ```
        Django has no built-in filter that guarantees a safe scheme.

        ## Not reported
        `{% url %}` and `{% static %}`, literals, `|urlencode`d values (the `:` is encoded), `get_absolute_url`,
        `STATIC_URL`/`MEDIA_URL`, a file field's `.url` (`{{ product.image.url }}`: a storage URL), the URLs
        Django's admin, auth views and widgets put in the context (`form_url`, `app_path`, `site_url`,
        `admin_url`, `widget.href`, ...), `src`/`srcset`/`poster` of media elements (`<img>`, `<video>`, ...:
        browsers never run `javascript:` there) and any variable after the start of the URL. These are
        conventions: a view that puts a user-supplied URL under one of those names is not reported.

        ## References
        - Django: [URLValidator](https://docs.djangoproject.com/en/stable/ref/validators/#urlvalidator),
          [automatic HTML escaping](https://docs.djangoproject.com/en/stable/ref/templates/language/#automatic-html-escaping)
        - [OWASP XSS Prevention Cheat Sheet, URL contexts](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
        """,
        TemplateRuleSupport.AutoescapeDocs);

    public override RuleDescriptor Descriptor => Rule;

    internal override Finding? Check(TemplateRuleContext context, TemplateOutput output)
    {
        var ctx = output.Context;
        if (ctx.Kind is not (OutputContextKind.UrlStart or OutputContextKind.MetaRefresh) || !OutputFacts.NeedsReview(output))
        {
            return null;
        }

        // {% url %} / {% static %} paths contain no spaces or quotes even unquoted; framework-built URLs are trusted.
        bool escaped = output.Escaping.Encoding is OutputEncoding.Html or OutputEncoding.HtmlTwice;
        if (escaped && (output.Escaping.Value == OutputValueKind.UrlPath || OutputFacts.IsFrameworkUrl(output) && ctx.Quote != AttributeQuote.Unquoted))
        {
            return null;
        }

        // Media elements never run a javascript: URL (img/video/audio/source/track src, poster, srcset).
        if (escaped && ctx.Quote != AttributeQuote.Unquoted && ctx.ElementName is "img" or "video" or "audio" or "source" or "track" or "picture" or "input"
            && ctx.AttributeName is "src" or "srcset" or "poster")
        {
            return null;
        }

        string what = OutputFacts.Display(output);
        string unescaped = OutputFacts.UnescapedCause(output) is { } cause ? $" Also, {cause}." : string.Empty;
        string quoting = ctx.Quote == AttributeQuote.Unquoted ? " The attribute is also unquoted, so a space in the value adds attributes; quote it." : string.Empty;
        if (ctx.Kind == OutputContextKind.MetaRefresh)
        {
            return context.Report(Rule, output.Span,
                $"{what} is in a <meta http-equiv=\"refresh\"> URL; a javascript: or other-site URL there runs script or redirects the visitor, and autoescaping does not prevent it. Redirect in the view after checking the URL with url_has_allowed_host_and_scheme.{unescaped}{quoting}",
                unescaped.Length > 0 || quoting.Length > 0 ? Severity.Error : null);
        }

        string attribute = ctx.AttributeName ?? "URL";
        return context.Report(Rule, output.Span,
            $"{what} starts the {attribute} URL, so it decides the scheme: a javascript: URL runs script when used, and autoescaping does not prevent it. Allow only http(s) URLs in the view or model (URLValidator), or build the URL with {{% url %}}.{unescaped}{quoting}",
            unescaped.Length > 0 || quoting.Length > 0 ? Severity.Error : null);
    }
}
