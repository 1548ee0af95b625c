/** Text made safe for HTML/SVG content and attribute values. @example escapeXml('a<"b">&') // 'a&lt;&quot;b&quot;&gt;&amp;' */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
