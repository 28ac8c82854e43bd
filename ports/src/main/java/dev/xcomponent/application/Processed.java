package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Instance;

/**
 * What processing one event did to one instance.
 *
 * @param before instance before
 * @param after instance after (same as before when ignored)
 * @param transitioned whether a transition fired
 * @param reason why it was ignored, or null
 */
record Processed(Instance before, Instance after, boolean transitioned, String reason) {}
