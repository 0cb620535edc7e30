/** Chatwoot replaces the whole custom-attributes hash: merge the patch into what the webhook showed. */
export function mergeCustomAttributes(current: Record<string, unknown> | undefined, patch: Record<string, unknown>): Record<string, unknown> {
  return { ...(current ?? {}), ...patch };
}
