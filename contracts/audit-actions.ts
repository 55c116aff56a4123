/**
 * Every action the server writes to the audit trail, as a commented enum: `recordAudit` accepts only
 * these, and a unit test checks that each is asserted by name in an API test.
 */
export const auditActions = [
  /** A successful sign-in (entity: the user). */
  'auth.login',
  /** A sign-out (entity: the user). */
  'auth.logout',
  /** A refused sign-in: wrong password or unknown name (entity: the user, when known). */
  'auth.login_failed',
  /** A refused change of the own password: the current password was wrong (entity: the user). */
  'auth.password_change_failed',
  /** A user account created, with its first role (after: name, role, unit). */
  'user.create',
  /** A role granted to a user, system-wide or on a unit's subtree (after: the grant). */
  'user.grant',
  /** A role taken away from a user (before: the grant). */
  'user.revoke',
  /** An account disabled: it cannot sign in and its sessions ended (before/after: active). */
  'user.disable',
  /** A disabled account enabled again (before/after: active). */
  'user.enable',
  /** An account linked to a person (cán bộ), or unlinked (before/after: the person). */
  'user.link_person',
  /** A one-time password issued to an account; it must be changed at the next sign-in. */
  'user.password_reset',
  /** A user changed their own password (other sessions ended). */
  'auth.password_change',
  /** A unit created under a parent (after: the unit). */
  'unit.create',
  /** A unit's own fields changed (before/after: the unit). */
  'unit.update',
  /** A unit and its subtree moved under another parent (before/after: parent and path). */
  'unit.move',
  /** A unit ended, with its successors (before/after: the unit's validity). */
  'unit.end',
  /** Units imported from a spreadsheet (after: how many). */
  'unit.import',
  /** A person created in a unit (after: the person). */
  'person.create',
  /** A person's fields changed, or a transfer to another unit (before/after: the person). */
  'person.update',
  /** A person moved to another unit: the current employment ends, the next begins (before/after). */
  'person.transfer',
  /** People imported from a spreadsheet (after: how many). */
  'person.import',
  /** A council (Hội đồng Thi đua – Khen thưởng) created (after: the council). */
  'council.create',
  /** A council's name, term or standing body changed (before/after: the council). */
  'council.update',
  /** A council deleted (before: the council). */
  'council.delete',
  /** A member added to a council (after: the member). */
  'council.member.add',
  /** A council member's role or term changed (before/after: the member). */
  'council.member.update',
  /** A member removed from a council (before: the member). */
  'council.member.remove',
  /** An emulation bloc (cụm, khối thi đua) created with its members (after: bloc and members). */
  'bloc.create',
  /** A bloc's name, kind, supervisor or members changed (before/after: the bloc). */
  'bloc.update',
  /** A bloc deleted (before: the bloc). */
  'bloc.delete',
  /** A unit left a bloc because the bloc was deleted (before: the member row). */
  'bloc.member.remove',
  /** A council's blocs copied from one year to the next (after: years and how many). */
  'bloc.copy_year',
  /** A movement created by hand, import, copy or implementation (after: the movement, how). */
  'movement.create',
  /** A movement's own fields changed: name, theme, kind, period (before/after: the movement). */
  'movement.update',
  /** A movement launched: status, obligations made, notifications sent (before/after). */
  'movement.launch',
  /** A launched movement and its plan published on the public portal (before/after: publishedAt). */
  'movement.publish',
  /** A movement's publication on the public portal withdrawn (before/after: publishedAt). */
  'movement.withdraw_publication',
  /** A movement's whole plan saved (before/after: the plan version). */
  'plan.update',
  /** A plan's criteria edited: add, move, reword, delete (after: the version and the edit). */
  'plan.criteria',
  /** A plan's number, date, place, signature or section texts corrected (before/after: the fields changed). */
  'plan.document',
  /** An unclassified line of an imported plan placed in a field or dropped (after: the edit). */
  'plan.place_line',
  /** A lower unit marked as not having to issue an implementing plan (reason given). */
  'obligation.not_applicable',
  /** A milestone added to a movement's timeline (after: the milestone). */
  'milestone.create',
  /** A milestone's date or title changed, or it was marked done (before/after: the milestone). */
  'milestone.update',
  /** A task assigned to a unit in a movement (after: the assignment). */
  'assignment.create',
  /** An assignment's status changed (before/after: the status). */
  'assignment.status',
  /** A unit or person registered for a movement (after: the registration). */
  'registration.create',
  /** A draft registration's pledge or targets edited (before/after: status and pledge). */
  'registration.edit',
  /** A registration submitted for review (before/after: status). */
  'registration.submit',
  /** A registration approved by the reviewing unit (before/after: status). */
  'registration.approve',
  /** A registration returned for changes, with the reason (before/after: status). */
  'registration.return',
  /** An awards record added: rating, discipline, title or award received, initiative, position class (after: the row). */
  'award_record.create',
  /** An awards record changed (before/after: the row). */
  'award_record.update',
  /** An awards record removed (before: the row). */
  'award_record.delete',
  /** Awards records of one kind imported from a spreadsheet (after: kind and how many). */
  'award_record.import',
  /** An administrator replaced a shipped award rule, or changed the replacement (reason; before/after: the rule). */
  'award_rule.override',
  /** An administrator removed a rule's replacement: the shipped rule applies again (before: the override). */
  'award_rule.restore',
  /** An administrator added a base salary from a date (after: the entry). */
  'base_salary.create',
  /** An administrator added a day to the holiday table (after: the day). */
  'holiday.create',
  /** A day of the holiday table changed (before/after: the day). */
  'holiday.update',
  /** A day removed from the holiday table (before: the day). */
  'holiday.delete',
  /** A council session opened with its members frozen from the council (after: the session). */
  'council_session.create',
  /** An open session's date, place, closing time, chair or secretary changed (before/after). */
  'council_session.update',
  /** A member's attendance at a session changed (before/after: attendance). */
  'council_session.attendance',
  /** A member declared a conflict on a nominee and is recused from it (after: member, nominee, note). */
  'council_session.recusal',
  /** A member cast a secret ballot (after: member and nominees — never the choices). */
  'council_session.vote',
  /** The secretary recorded absent members' written votes on a nominee as counts (before/after). */
  'council_session.written_votes',
  /** A session closed by the chair or at its closing time, with the result per nominee (after: counts). */
  'council_session.close',
  /** Appraised nominees put on a council session's agenda (after: nominee ids, status). */
  'nominee.to_council',
  /** Nominees taken off a session's agenda, or left undecided for want of a quorum (after: status). */
  'nominee.from_council',
  /** A commendation round (đợt khen thưởng) opened (after: the round). */
  'round.create',
  /** A round's kind, title, year, movement, deadline or note changed (before/after: the round). */
  'round.update',
  /** A round deleted (before: the round). */
  'round.delete',
  /** A lower unit's own deadline in a round set, changed or removed (before/after: unit, deadline). */
  'round.unit_deadline',
  /** Lower levels' nominees copied into the upper level's tờ trình (after: copies and their sources). */
  'nomination.consolidate',
  /** Consolidated nominees moved to forwarded at the lower level (before/after: status). */
  'nominee.forward',
  /** Nominees taken back out of the upper tờ trình, back to received at the lower level. */
  'nominee.unforward',
  /** A tờ trình drafted with its nominees (after: the tờ trình and nominees). */
  'nomination.create',
  /** A draft or returned tờ trình's title or nominee list changed (before/after). */
  'nomination.update',
  /** A draft tờ trình deleted with its nominees (before: both). */
  'nomination.delete',
  /** A tờ trình sent to the receiving level (before/after: status, due date of a return). */
  'nomination.submit',
  /** A tờ trình received by the receiving level (before/after: status). */
  'nomination.receive',
  /** A tờ trình returned to the proposing unit, with the reason (before/after: status). */
  'nomination.return',
  /** A file added to a tờ trình's dossier (after: component, nominee, stored file name, type, size). */
  'nomination_file.upload',
  /** A báo cáo thành tích drafted from the records and added to the dossier (after: as an upload). */
  'nomination_file.generate',
  /** A dossier file removed, with its stored bytes (before: the file row, name, type, size). */
  'nomination_file.delete',
  /** A tờ trình's dossier marked secret (mật) or not: never exported to the national system (before/after). */
  'nomination.secret',
  /** Nominees decided by a decision (after: nominee ids, decision id). */
  'nominee.decide',
  /** Nominees declined by a decision (after: nominee ids, decision id). */
  'nominee.decline',
  /** The standing body's opinion and proposal on one nominee saved (before/after: the opinion, version). */
  'nominee.appraisal_save',
  /** Nominees the standing body agreed to (or proposed another award for) moved to appraised. */
  'nominee.appraise',
  /** Nominees the standing body did not agree to, declined at appraisal with the reason. */
  'nominee.appraise_decline',
  /** A tờ trình's appraisal finished (before/after: status; after: nominees appraised and declined). */
  'nomination.appraise',
  /** A draft commendation decision created (after: the decision). */
  'decision.create',
  /** A draft decision's number-free fields changed: date, summary, signer, legal basis (before/after). */
  'decision.update',
  /** Recipients added to a draft decision (after: how many and the rows). */
  'decision.recipients_add',
  /** A recipient removed from a draft decision (before: the row). */
  'decision.recipient_remove',
  /** A decision issued: number taken from the unit's register, award records written (before/after). */
  'decision.issue',
  /** An issued decision revoked (Luật Điều 93) with its reason; its award records removed (before/after). */
  'decision.revoke',
  /** An issued decision published on the public portal (before/after: publishedAt). */
  'decision.publish',
  /** A decision's publication on the public portal withdrawn (before/after: publishedAt). */
  'decision.withdraw_publication',
  /** A line added to a unit's reward fund: income or spending (after: the line). */
  'fund.entry_create',
  /** A fund line changed (before/after: the line). */
  'fund.entry_update',
  /** A fund line removed (before: the line). */
  'fund.entry_delete',
  /** The cash of an issued decision's recipients paid from the fund, one line per recipient (after: how many, total). */
  'fund.payout',
  /** Nominees posted for public comment (after: nominee ids, status posted). */
  'nominee.post',
  /** Nominees back at their earlier stage after their public notice was withdrawn (after: ids, status). */
  'nominee.unpost',
  /** A public notice (công khai, lấy ý kiến) of a nominee posted: dates, text and what the page shows (after). */
  'public_notice.post',
  /** A public notice withdrawn with its reason (before/after). */
  'public_notice.withdraw',
  /** A comment from the public received on a notice, held for moderation (after: the comment). */
  'public_comment.create',
  /** The office answered a public comment, or changed its answer (before/after: the answer). */
  'public_comment.answer',
  /** A public comment published on the public page (before/after: status). */
  'public_comment.publish',
  /** A public comment kept off the public page (before/after: status). */
  'public_comment.hide',
  /** A report template created (after: name, sections, indicators). */
  'report_template.create',
  /** A report template edited (before/after: name, sections, indicators). */
  'report_template.update',
  /** A report request sent to units below, with one report row per unit asked (after: the request, count). */
  'report_request.create',
  /** A large request's reports all created by its job (after: the number of reports). */
  'report_request.send',
  /** A large request's failed sending job queued again by the requesting unit's officer (after: the new job). */
  'report_request.resend',
  /** A report's sections and figures saved (before/after: status; the editor autosaves). */
  'report.save',
  /** A report's sections filled from an uploaded DOCX (after: the file name and sections filled). */
  'report.import',
  /** A file attached to a report (after: file name). */
  'report.attach',
  /** A report approved by the unit's head (before/after: status). */
  'report.approve',
  /** A report submitted to the requesting unit (before/after: status). */
  'report.submit',
  /** A report returned to its unit with the reason (before/after: status). */
  'report.return',
  /** A submitted report accepted by the requesting unit (before/after: status). */
  'report.accept',
  /** A report filled from the submitted reports of the units below (after: sources). */
  'report.consolidate',
  /** The whole database restored from a backup by `tdkt db restore` (after: the backup's figures). */
  'system.restore',
  /** A council's yearly inspection plan drafted (after: the plan). */
  'inspection.create',
  /** A draft inspection plan's fields or content items changed (before/after). */
  'inspection.update',
  /** An inspection plan approved: findings may be recorded. */
  'inspection.approve',
  /** An inspection plan marked done. */
  'inspection.complete',
  /** A person joins an inspection team with a role. */
  'inspection.team_add',
  /** A person leaves a draft plan's inspection team. */
  'inspection.team_remove',
  /** A unit added to the units an inspection plan inspects. */
  'inspection.target_add',
  /** A unit taken off a draft inspection plan. */
  'inspection.target_remove',
  /** A target's day, conclusion or recommendations changed. */
  'inspection.target_update',
  /** The finding (text, score or rating) of one content item at a target. */
  'inspection.finding',
  /** A remedy with its deadline required of an inspected unit. */
  'inspection.remedy_add',
  /** The inspected unit reports progress on a remedy. */
  'inspection.follow_up',
  /** A file proving a remedy attached by the inspected unit. */
  'inspection.evidence',
  /** The conclusion notice issued with the next number of the council's register. */
  'inspection.notice_issue',
  /** A unit proposes an exemplary model (after: the exemplar). */
  'exemplar.create',
  /** An exemplar's title, summary, kind or movement changed (before/after). */
  'exemplar.update',
  /** A returned exemplar proposed to the level above again. */
  'exemplar.propose',
  /** The level above confirms a proposed exemplar. */
  'exemplar.confirm',
  /** The level above returns a proposed exemplar with a reason. */
  'exemplar.return',
  /** An exemplar moves to its next stage (after: stage, day, note). */
  'exemplar.advance',
  /** An exemplar published for the public portal. */
  'exemplar.publish',
  /** An exemplar taken off the public portal. */
  'exemplar.withdraw',
  /** A photo or document added to an exemplar. */
  'exemplar.file_add',
  /** A photo or document removed from an exemplar. */
  'exemplar.file_remove',
  /** A unit recorded as replicating an exemplar. */
  'exemplar.replication_add',
  /** A replicating unit removed from an exemplar. */
  'exemplar.replication_remove',
  /** An award record linked to the exemplar it came from. */
  'exemplar.award_link',
  /** An award record unlinked from an exemplar. */
  'exemplar.award_unlink',
  /** A figure of a statutory statistics form typed by an officer (before/after: value, note, version). */
  'statistics.manual_cell_set',
  /** A bloc scoring table drafted (after: the table and its number of criteria). */
  'scoring_table.create',
  /** A draft scoring table's name, tie-break chain, leading places or criteria changed. */
  'scoring_table.update',
  /** A scoring table copied into a new draft (after: the source table). */
  'scoring_table.copy',
  /** A draft scoring table's criteria replaced by those of an XLSX file. */
  'scoring_table.import',
  /** A scoring table opened: criteria locked, one sheet per member unit. */
  'scoring_table.open',
  /** A member unit's targets on quantitative criteria set. */
  'scoring_table.targets',
  /** A unit's self-assessment of one criterion (figures and points). */
  'scoring_entry.self',
  /** The bloc head's review of one criterion (figures, points and reason). */
  'scoring_entry.review',
  /** A unit's explanation of one criterion after review. */
  'scoring_entry.explain',
  /** An evidence file attached to one criterion of a sheet. */
  'scoring_entry.evidence',
  /** A unit submits its self-assessment to the bloc head. */
  'scoring_sheet.submit',
  /** The bloc head finishes the first review of a sheet. */
  'scoring_sheet.review',
  /** A unit finishes explaining after the first review. */
  'scoring_sheet.explain',
  /** The bloc head settles a sheet's points (second review). */
  'scoring_sheet.finalize',
  /** A bloc's ranking published and locked, with the leading unit(s). */
  'scoring_bloc.publish',
  /** A table's quotas of the meetings' proposals set. */
  'scoring_table.quotas',
  /** Next year's bloc created from a published meeting, with the head and deputy it chose. */
  'scoring_bloc.next_bloc',
  /** The report indicators a table's quantitative criteria draw their figures from. */
  'scoring_table.indicators',
  /** A unit's fairness thresholds of the dashboards set or changed. */
  'dashboard_settings.update',
] as const;
