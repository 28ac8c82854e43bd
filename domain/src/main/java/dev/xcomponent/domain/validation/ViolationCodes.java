package dev.xcomponent.domain.validation;

/**
 * The stable codes of the violations {@link ComponentReader} reports. Codes never change meaning;
 * tools may match on them. The severity of each code is fixed and given below.
 */
public final class ViolationCodes {
  private ViolationCodes() {}

  /** Error: there is no document at all. */
  public static final String EMPTY_DOCUMENT = "EMPTY_DOCUMENT";
  /** Error: a required field is absent, null or blank. */
  public static final String MISSING_FIELD = "MISSING_FIELD";
  /** Error: a value has the wrong type (for example a string where a list is expected). */
  public static final String WRONG_TYPE = "WRONG_TYPE";
  /** Error: the component declares no state machine. */
  public static final String NO_STATE_MACHINES = "NO_STATE_MACHINES";
  /** Error: a machine declares no state. */
  public static final String NO_STATES = "NO_STATES";
  /** Error: two machines share a name. */
  public static final String DUPLICATE_MACHINE = "DUPLICATE_MACHINE";
  /** Error: two states of a machine share a name. */
  public static final String DUPLICATE_STATE = "DUPLICATE_STATE";
  /** Error: a machine's initialState is not one of its states. */
  public static final String UNKNOWN_INITIAL_STATE = "UNKNOWN_INITIAL_STATE";
  /** Error: a transition's from or to is not a state of its machine. */
  public static final String UNKNOWN_STATE = "UNKNOWN_STATE";
  /** Error: entryMachine names no machine of the component. */
  public static final String UNKNOWN_ENTRY_MACHINE = "UNKNOWN_ENTRY_MACHINE";
  /** Error: an inter_machine transition has no targetMachine. */
  public static final String MISSING_TARGET_MACHINE = "MISSING_TARGET_MACHINE";
  /** Error: a cross_component transition has no targetComponent. */
  public static final String MISSING_TARGET_COMPONENT = "MISSING_TARGET_COMPONENT";
  /** Error: a timeout transition has no positive timeoutMs. */
  public static final String MISSING_TIMEOUT = "MISSING_TIMEOUT";
  /** Error: a number is outside its allowed range (negative or absurd delay, for example). */
  public static final String VALUE_OUT_OF_RANGE = "VALUE_OUT_OF_RANGE";
  /** Error: an enumerated field has a value outside its list. */
  public static final String INVALID_ENUM_VALUE = "INVALID_ENUM_VALUE";
  /** Error: too many machines, states or transitions. */
  public static final String LIMIT_EXCEEDED = "LIMIT_EXCEEDED";

  /** Warning: a cross_component transition with targetEvent but no matchingRules sends nothing. */
  public static final String NO_MATCHING_RULES = "NO_MATCHING_RULES";
  /** Warning: a targetMachine is not a machine of this component (it may be external). */
  public static final String UNKNOWN_TARGET_MACHINE = "UNKNOWN_TARGET_MACHINE";
  /** Warning: a machine has no terminal state. */
  public static final String NO_TERMINAL_STATE = "NO_TERMINAL_STATE";
  /** Warning: a key removed upstream (guard, specificTriggeringRule...) is ignored. */
  public static final String REMOVED_KEY = "REMOVED_KEY";
  /** Warning: a key the format does not know is ignored. */
  public static final String UNKNOWN_KEY = "UNKNOWN_KEY";
  /** Warning: a deprecated key is ignored because its replacement is present. */
  public static final String DEPRECATED_KEY = "DEPRECATED_KEY";
  /** Warning: a contextSchema field type the dashboard does not know. */
  public static final String UNKNOWN_FIELD_TYPE = "UNKNOWN_FIELD_TYPE";
  /** Warning: the component name does not follow {@link ComponentKeys#NAME_PATTERN}. */
  public static final String INVALID_NAME = "INVALID_NAME";
  /** Warning: parentLink is enabled without an onStateChange event, so nothing is sent. */
  public static final String INCOMPLETE_PARENT_LINK = "INCOMPLETE_PARENT_LINK";
}
