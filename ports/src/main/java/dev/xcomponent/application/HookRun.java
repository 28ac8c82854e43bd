package dev.xcomponent.application;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.engine.Instance;
import dev.xcomponent.domain.engine.InstanceData;
import dev.xcomponent.domain.engine.TransitionEngine;
import dev.xcomponent.domain.model.Transition;
import dev.xcomponent.domain.model.Values;
import dev.xcomponent.port.BusinessHandler;
import dev.xcomponent.port.ErrorCode;
import dev.xcomponent.port.HookKind;
import dev.xcomponent.port.RuntimeFailure;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Runs the user code of one transition before it is recorded, in the reference's order: exit hook,
 * triggered method, payload merge, entry hook. Each hook works on its own copy of the data; its
 * changes are kept only if it succeeds. A hook that throws, fails or does not answer within the
 * time limit is reported as a user-code error; what happens next follows the component's hook
 * error policy. Everything here runs on the instance's partition context, whatever thread the
 * handler completes on.
 */
final class HookRun {
  private final ComponentRuntime runtime;
  private final InstanceSlot slot;
  private final Transition transition;
  private final Event event;
  private final HookPlan plan;
  private final Outbound outbound;
  private InstanceData data;

  HookRun(ComponentRuntime runtime, InstanceSlot slot, Transition transition, Event event, HookPlan plan) {
    this.runtime = runtime;
    this.slot = slot;
    this.transition = transition;
    this.event = event;
    this.plan = plan;
    this.outbound = new Outbound(runtime.settings().maxMessagesPerHook());
    this.data = InstanceData.of(slot.instance);
  }

  /** The data after all hooks (valid once {@link #run} succeeded). */
  InstanceData data() {
    return data;
  }

  /** What the hooks sent (valid once {@link #run} succeeded). */
  Outbound outbound() {
    return outbound;
  }

  Future<Void> run() {
    return step(HookKind.EXIT, plan.exitMethod(), plan.exit(), transition.from())
        .compose(v -> step(HookKind.TRIGGERED, plan.triggeredMethod(), plan.triggered(), transition.from()))
        .compose(
            v -> {
              data = TransitionEngine.mergePayload(data, transition, event);
              return step(HookKind.ENTRY, plan.entryMethod(), plan.entry(), transition.to());
            });
  }

  private Future<Void> step(HookKind kind, String method, BusinessHandler handler, String state) {
    if (handler == null) {
      return Future.succeededFuture();
    }
    Instance instance = slot.instance;
    Map<String, Object> work = Values.mutableCopy(data.main());
    int mark = outbound.size();
    Outbound.HookSender sender = outbound.senderFor(instance.id());
    HookInvocation call =
        new HookInvocation(
            kind, method, runtime.name(), instance.machine().name(), instance.id(), state, event,
            work, sender);
    Future<Void> result;
    try {
      result = handler.handle(call);
      if (result == null) {
        result = Future.succeededFuture();
      }
    } catch (Throwable e) {
      result = Future.failedFuture(e);
    }
    if (!result.isComplete()) {
      result = settleOnContext(result, method);
    }
    return result.transform(
        ar -> {
          sender.close();
          if (ar.succeeded()) {
            data = data.withMain(Values.freeze(work));
            return Future.succeededFuture();
          }
          outbound.truncate(mark);
          runtime.reportUserCodeError(instance, kind, method, ar.cause());
          if (runtime.abortsOnHookError()) {
            return Future.failedFuture(
                new RuntimeFailure(
                    ErrorCode.USER_CODE_ERROR,
                    kind.eventName() + " " + method + " failed: " + describe(ar.cause())));
          }
          return Future.succeededFuture();
        });
  }

  /** Completes on the partition context, or fails when the hook exceeds its time limit. */
  private Future<Void> settleOnContext(Future<Void> pending, String method) {
    Context context = slot.partition.context();
    Promise<Void> settled = Promise.promise();
    long limit = runtime.hookTimeoutMs();
    long timer =
        runtime.vertx()
            .setTimer(
                limit,
                id ->
                    settled.tryFail(
                        new TimeoutException(
                            "hook " + method + " did not complete within " + limit + " ms")));
    pending.onComplete(
        ar ->
            context.runOnContext(
                v -> {
                  runtime.vertx().cancelTimer(timer);
                  if (ar.succeeded()) {
                    settled.tryComplete();
                  } else {
                    settled.tryFail(ar.cause());
                  }
                }));
    return settled.future();
  }

  static String describe(Throwable t) {
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
