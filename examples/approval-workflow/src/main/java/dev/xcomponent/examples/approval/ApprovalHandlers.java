package dev.xcomponent.examples.approval;

import dev.xcomponent.port.HandlerProvider;
import dev.xcomponent.port.HandlerRegistry;
import java.util.function.LongSupplier;

/**
 * The plugin entry point, found by the runtime through {@code
 * META-INF/services/dev.xcomponent.port.HandlerProvider}: binds every method name used in {@code
 * approval-component.yaml} to its business code.
 */
public final class ApprovalHandlers implements HandlerProvider {
  private final LongSupplier clock;

  /** The provider the runtime instantiates, stamping records with the system clock. */
  public ApprovalHandlers() {
    this(System::currentTimeMillis);
  }

  /** A provider stamping what it records with {@code clock} (epoch milliseconds). */
  ApprovalHandlers(LongSupplier clock) {
    this.clock = clock;
  }

  @Override
  public void register(HandlerRegistry registry) {
    ApprovalHooks hooks = new ApprovalHooks(clock);
    registry.register(ApprovalHooks.CHECK_REQUEST, hooks::checkRequest);
    registry.register(ApprovalHooks.ASSIGN_APPROVER, hooks::assignApprover);
    registry.register(ApprovalHooks.RECORD_DECISION, hooks::recordDecision);
    registry.register(ApprovalHooks.RECORD_COMMENT, hooks::recordComment);
    registry.register(AuditRecord.METHOD, new AuditRecord(clock));
  }
}
