// Product pictures as the shop serves them. A merchant's upload becomes renditions 320, 800 and 1600 pixels wide
// (never wider than the picture itself) at .../<image>/<width>.jpg, and the product keeps the 800 one; the demo
// catalog's pictures are single SVGs. The browser picks the rendition that fits from srcset and sizes.
const MAIN = /\/800\.jpg$/;

/** srcset for a picture that has renditions; null for one that has a single size. */
export function srcset(src) {
  if (!src || !MAIN.test(src)) return null;
  const base = src.replace(MAIN, '/');
  return `${base}320.jpg 320w, ${base}800.jpg 800w, ${base}1600.jpg 1600w`;
}

/** The smallest rendition, for thumbnails. */
export function small(src) {
  return src && MAIN.test(src) ? src.replace(MAIN, '/320.jpg') : src;
}
