package dev.xcomponent.examples.approval;

/** The approval levels, by the state a request waits in and the field naming its approver. */
enum Level {
  TEAM_LEAD("PendingTeamLead", "teamLeadId", "team lead"),
  MANAGER("PendingManager", "managerId", "manager"),
  DIRECTOR("PendingDirector", "directorId", "director");

  final String state;
  final String approverField;
  final String label;

  Level(String state, String approverField, String label) {
    this.state = state;
    this.approverField = approverField;
    this.label = label;
  }

  /** The level whose waiting state is {@code state}, or null. */
  static Level of(String state) {
    for (Level l : values()) {
      if (l.state.equals(state)) {
        return l;
      }
    }
    return null;
  }
}
