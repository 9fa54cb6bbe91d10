/**
 * Tells caches in front of the portal that URLs changed. There is no CDN adapter yet: the default does
 * nothing, because the portal's own answers already say `no-store` once a photo is taken down and the
 * public copies are cached for at most a day (photos.logic PHOTO_CACHE). A CDN's purge API goes behind
 * this interface (createApp's `cachePurger`), called after a takedown has been committed.
 */
export type CachePurger = { purge(urls: readonly string[]): Promise<void> };

export const noCachePurger: CachePurger = { purge: async () => undefined };
