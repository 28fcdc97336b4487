/**
 * What an image is to the blog: the rules of decoding and re-encoding an upload ({@link
 * dev.jotter.images.domain.ImageCodec}: which formats, how many pixels, which widths), the stored
 * record ({@link dev.jotter.images.domain.Image}), its addresses and srcset, and the interfaces of
 * its storage ({@link dev.jotter.images.domain.ImageStore}, {@link
 * dev.jotter.images.domain.ImageRepository}). Depends on nothing outside the JDK, JPA and the image
 * libraries.
 */
package dev.jotter.images.domain;
