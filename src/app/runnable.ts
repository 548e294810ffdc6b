/**
 * Which scenarios a static page can run: not those that import plug-in modules (code from files)
 * or read their network from a graph file. Shared by the page's menu and the worker's engine.
 */
export function browserRunnable(raw: Record<string, unknown>): string | null {
  if (Array.isArray(raw.plugins) && raw.plugins.length) return 'it loads plug-in modules (code from files), which a static page cannot import';
  const g = raw.graph as Record<string, unknown> | undefined;
  if (g && typeof g === 'object' && (g.file !== undefined || g.model === 'file')) return 'its network is read from a graph file, which a static page cannot open';
  return null;
}
