/**
 * Reading and checking component definitions: turns a parsed JSON-like tree into the immutable
 * model and reports every problem at once, each with a document path, a stable code and a hint.
 * Pure domain: depends on nothing but the JDK.
 */
package dev.xcomponent.domain.validation;
