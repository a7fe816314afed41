package dev.siteready.retro;

import io.quarkus.qute.RawString;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Notes in Markdown (CommonMark), rendered safely: raw HTML in the notes is escaped, never passed through; link
 * targets other than http, https and mailto are dropped (so no javascript: links); images become plain links, so a
 * note can't load a picture from someone else's server when a teammate opens it; headings sit below the page's own.
 * The parser and renderer are immutable and thread-safe.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto"))) // the default also allows data:
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                }
            })
            .nodeRendererFactory(ImageAsLink::new)
            .nodeRendererFactory(LowerHeading::new)
            .build();

    private Markdown() {
    }

    /** The notes as HTML that Qute outputs as is: safe because the renderer escapes everything typed. */
    public static RawString render(String markdown) {
        return new RawString(markdown == null || markdown.isBlank() ? "" : RENDERER.render(PARSER.parse(markdown)));
    }

    private record ImageAsLink(HtmlNodeRendererContext context) implements NodeRenderer {
        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            String url = context.urlSanitizer().sanitizeImageUrl(image.getDestination());
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("href", context.encodeUrl(url));
            attributes.put("rel", "nofollow noopener noreferrer");
            context.getWriter().tag("a", context.extendAttributes(node, "a", attributes));
            context.getWriter().text("Image: ");
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            context.getWriter().tag("/a");
        }
    }

    private record LowerHeading(HtmlNodeRendererContext context) implements NodeRenderer {
        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Heading.class);
        }

        @Override
        public void render(Node node) {
            String tag = "h" + Math.min(6, ((Heading) node).getLevel() + 3);
            context.getWriter().line();
            context.getWriter().tag(tag, context.extendAttributes(node, tag, Map.of()));
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            context.getWriter().tag("/" + tag);
            context.getWriter().line();
        }
    }
}
