/** "Nightly Build (main)" → "nightly-build-main": a stable pipeline id derived from its name. */
export function slugify(value: string, max = 300): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}
