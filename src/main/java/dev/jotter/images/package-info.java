/**
 * Images: staff upload them ({@code POST /images}), each is decoded to prove it is an image, its
 * metadata dropped by re-encoding the pixels, and stored with resized variants under a
 * content-addressed path served with immutable cache headers. It implements content's {@code
 * ResponsiveImages}, so posts' feature and body images get width, height and srcset. Depends on
 * content's and authoring's {@code api} and the platform; no module depends on it.
 */
package dev.jotter.images;
