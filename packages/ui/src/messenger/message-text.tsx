/**
 * A message body as people write it: paragraphs and line breaks kept, a small safe subset of
 * Markdown (bold, italic, lists, links) rendered as React elements, never raw HTML. Links open
 * in a new tab without giving it the page (`noopener noreferrer`); anything but http(s) and
 * mailto — `javascript:` above all — stays plain text. HTML someone typed shows as the text they
 * typed: escaped, never interpreted, never dropped.
 */
import type { ReactNode } from "react";
import Markdown, { type Components, defaultUrlTransform } from "react-markdown";
import remarkBreaks from "remark-breaks";
import remarkGfm from "remark-gfm";

const ALLOWED = ["p", "br", "strong", "em", "del", "ul", "ol", "li", "a"];
const SAFE_URL = /^(https?:|mailto:)/i;

/** The address a link may point to, or null when it may not be a link at all. */
export function safeHref(url: string): string | null {
  const cleaned = defaultUrlTransform(url.trim());
  return cleaned && SAFE_URL.test(cleaned) ? cleaned : null;
}

const components: Components = {
  a: ({ href, children }) => {
    const target = href ? safeHref(href) : null;
    if (target === null) return <>{children}</>;
    return (
      <a
        href={target}
        target="_blank"
        rel="noopener noreferrer"
        className="underline decoration-1 underline-offset-2"
      >
        {children}
      </a>
    );
  },
  ul: ({ children }) => <ul className="my-1 list-disc pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="my-1 list-decimal pl-5">{children}</ol>,
  p: ({ children }) => <p className="whitespace-pre-wrap break-words">{children}</p>,
};

export function MessageText({ body }: { body: string }): ReactNode {
  return (
    <div className="space-y-1 break-words">
      <Markdown
        remarkPlugins={[remarkGfm, remarkBreaks]}
        allowedElements={ALLOWED}
        unwrapDisallowed
        urlTransform={(url) => safeHref(url) ?? ""}
        components={components}
      >
        {body}
      </Markdown>
    </div>
  );
}
