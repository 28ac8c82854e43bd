/**
 * Business code of the Order/Payment example, shipped as a plugin jar: the payment-method check
 * that drives a Payment to {@code VALIDATE} or {@code REJECT}, and the entry hooks that log each
 * step of an order and its payment. Depends only on the ports (provided by the runtime).
 */
package dev.xcomponent.examples.orderpayment;
