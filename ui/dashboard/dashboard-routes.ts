/** The dashboard's hash routes: `#/stores/<id>`, `#/stores/<id>/permissions`, `#/menus/<id>`, anything else the stores list. */
export type View = { name: 'stores' } | { name: 'store'; id: string } | { name: 'permissions'; id: string } | { name: 'menu'; id: string };

export function parseView(hash: string): View {
  const [, section, id, sub] = hash.replace(/^#/, '').split('/');
  if (section === 'stores' && id && sub === 'permissions') return { name: 'permissions', id: decodeURIComponent(id) };
  if (section === 'stores' && id) return { name: 'store', id: decodeURIComponent(id) };
  if (section === 'menus' && id) return { name: 'menu', id: decodeURIComponent(id) };
  return { name: 'stores' };
}
