/**
 * Safe loading of component YAML files: {@link dev.xcomponent.adapter.yaml.YamlComponentLoader}
 * parses with snakeyaml-engine (YAML 1.2 Core schema, no custom tags, bounded size, depth and
 * aliases), builds the JSON-like tree read by {@link
 * dev.xcomponent.domain.validation.ComponentReader}, and places every problem at a file, line and
 * column ({@link dev.xcomponent.adapter.yaml.Problem}).
 */
package dev.xcomponent.adapter.yaml;
