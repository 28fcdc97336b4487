/**
 * The related-posts model: the engine that scores posts against each other (tag overlap weighted by
 * rarity and coherence, TF-IDF text similarity), its results with reasons, and the store interface
 * for the precomputed lists. Pure Java and Lucene's analyzers: no container.
 */
package dev.jotter.discovery.domain;
