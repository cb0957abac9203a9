/** The file name of an exported review: "review-url-shortener.md". */
export function fileNameFor(problemTitle: string): string {
  const slug = problemTitle.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'practice';
  return `review-${slug}.md`;
}
