/**
 * Property routing: dot-path lookups in instance data and payloads, matching-rule evaluation with
 * the reference's comparison semantics, payload templates and context mappings. Pure functions.
 */
package dev.xcomponent.domain.routing;
