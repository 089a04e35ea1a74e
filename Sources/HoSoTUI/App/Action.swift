import Foundation
import HoSoDomain

/// Something that happened: a key, or the result of an effect the runner carried out.
public enum Action: Equatable, Sendable {
    /// A key, mouse event or resize from the terminal.
    case key(Key)
    /// Fresh data; `external` when another terminal changed it.
    case loaded(AppData, external: Bool)
    /// Every file, read and indexed behind the board the application opened on (`AppState.loading`).
    case indexed(ReadModel)
    /// Files this terminal stored, when nothing else changed in the store: applied in place of a reload.
    case stored([StoredCase])
    /// Files another terminal stored, when nothing but files changed: applied in place, as `stored`.
    case storedElsewhere([StoredCase])
    /// A command was saved; `cautions` are what the person must still know (a correction that shows a
    /// past vote did not meet the rules).
    case saved(CaseID, message: String, cautions: [String] = [])
    /// Commands sent together (a class's certificates) were all saved: `files`, each "HS-0004 Phạm Thu Hà",
    /// of `count` sent.
    case savedTogether(files: [String], count: Int)
    /// A new file was stored.
    case caseAdded(CaseID)
    /// An effect failed; the message is for the status line or a popup.
    case failed(String)
    /// The data's server stopped answering (`problem`: why), or answers again (nil).
    case connection(problem: String?)
    /// A save was refused because the file changed meanwhile (who, when).
    case conflict(String)
    /// A report was written to a file (the message says where).
    case exported(message: String)
    /// A unit's settings were saved (the message says which).
    case unitChanged(message: String)
    /// A change of people and roles went through.
    case peopleChanged(message: String)
    /// The store refused what the last form asked (by role or by its input): the popup leads back to the form.
    case rejected(title: String, lines: [String])
    /// Someone else changed fields of the file that the last form changed too (the data is already
    /// reloaded): the popup shows both values and leads back to the form, which now starts from theirs.
    case fieldConflict(CaseID, lines: [String])
}

/// Work for the runner, outside the pure core.
public enum Effect: Equatable, Sendable {
    /// Apply a command to its file as stored now and save it.
    case run(CaseCommand)
    /// Apply commands together, saving the accepted ones in one commit (a class's certificates).
    case runTogether([CaseCommand])
    /// Create a new file (the store picks its id).
    case addCase(Person, unit: UnitID, source: NominationSource, date: CivilDate)
    /// Add a person with a first role (the people service checks the clerk's rights again).
    case addPerson(id: AccountID, fullName: String, systemUser: String?, memberID: MemberID?, grant: RoleGrant)
    /// Give a person a role in a unit.
    case grantRole(RoleGrant, to: AccountID)
    /// Take a role in a unit back.
    case revokeRole(RoleGrant, from: AccountID)
    /// Change a unit's settings (member counts, letterhead) through the units service.
    case changeUnit(UnitChange, of: UnitID)
    /// Write a report to a new file in `folder` (nil: the default export folder; the runner picks a name
    /// that is free and says where): `stem` names it, e.g. "bao-cao-quota-2026-11-23". A refusal of a
    /// typed folder leads back to the form it was typed in.
    case exportReport(ReportDocument, format: ReportExportFormat, stem: String, folder: String? = nil)
    /// Read the data again.
    case reload
    /// Write a refusal by role to the audit log (codes only); nothing else changes.
    case recordRefusal(AccessRefusal)
    /// Leave the program.
    case quit
}
