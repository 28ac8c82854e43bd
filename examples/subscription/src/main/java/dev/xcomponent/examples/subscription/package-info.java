/**
 * Business code of the subscription example, shipped as one plugin jar for both components: the
 * subscription hooks that request a charge from BillingComponent, start a paid period and apply a
 * price change, the simulated payment gateway of a Charge, and the customer notifications. Depends
 * only on the ports (provided by the runtime).
 */
package dev.xcomponent.examples.subscription;
