/** Exceptions that reach GraphQL clients as errors with a stable {@code extensions.code}. */
package dev.jotter.platform.errors;
