package org.stationledger.events;

/** An event that concerns one department; lets the audit trail be filtered by department. */
public interface DepartmentScoped {
    String departmentId();
}
