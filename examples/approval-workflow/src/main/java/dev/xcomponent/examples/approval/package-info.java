/**
 * Business code of the approval-workflow example, shipped as a plugin jar: the check of a submitted
 * request, the assignment of the approver of each level, the recording of decisions and comments,
 * and the audit record written when a request closes. Depends only on the ports (provided by the
 * runtime).
 */
package dev.xcomponent.examples.approval;
