/**
 * A small layered (Sugiyama-style) graph layout, pure Java with no I/O: cycles are broken by a
 * depth-first search from a root, nodes get layers by longest path, every edge is cut into one
 * segment per layer (with a label box in the layer right after its source), crossings are reduced
 * by barycentric sweeps, and coordinates are chosen so that edges run as straight as the order
 * allows. Self-loops are drawn as arcs on the right of their node. Same input, same output.
 */
package dev.xcomponent.adapter.http.layout;
