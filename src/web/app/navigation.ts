/** Where to go after sign-in: only a path inside this app, never another site ("//evil", "https://…"). */
export function safeRedirect(target: string | null): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/login')) {
    return '/';
  }
  return target;
}
