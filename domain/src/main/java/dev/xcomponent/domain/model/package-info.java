/**
 * The component model: an immutable image of every field of a component YAML file.
 *
 * <p>Part of the pure domain: depends on nothing but the JDK. Values that come from YAML and are
 * not interpreted by the runtime (metadata, layout, descriptions) are kept as plain JSON-like
 * values ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean}).
 */
package dev.xcomponent.domain.model;
