"use client";
// The Members tab: who belongs to the project and with which role. Owners invite people by email
// (they join by accepting), see and cancel open invitations, change a role (saved as soon as it is
// picked) and remove members after confirming.

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type FormEvent, type KeyboardEvent } from "react";
import { api, errorMessage } from "@/components/ui/api-client";
import { useReturnFocus } from "@/components/ui/use-return-focus";
import type { Role } from "@/lib/auth/roles";
import type { InvitationView } from "@/lib/projects/invitations";
import type { MemberView } from "@/lib/projects/projects";
import { ROLE_LABELS, ROLE_OPTIONS } from "./labels";
import styles from "./projects.module.css";
import { TableRegion } from "./TableRegion";

export function MembersPanel({
  projectId,
  members,
  invitations,
  currentUserId,
  mayManage,
}: {
  projectId: string;
  members: MemberView[];
  /** Open invitations (owners see them). */
  invitations: InvitationView[];
  currentUserId: string;
  mayManage: boolean;
}) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [savingRole, setSavingRole] = useState<{ userId: string; role: Role } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const question = useRef<HTMLParagraphElement>(null);
  const removeButtons = useReturnFocus(confirming !== null);
  const membersUrl = `/api/v1/projects/${encodeURIComponent(projectId)}/members`;

  // The question is read out when it appears; closing it returns focus to the Remove button.
  useEffect(() => {
    if (confirming !== null) question.current?.focus();
  }, [confirming]);

  async function changeRole(member: MemberView, role: Role) {
    setError(null);
    setAnnouncement("");
    setSavingRole({ userId: member.userId, role });
    try {
      await api(`${membersUrl}/${encodeURIComponent(member.userId)}`, { method: "PATCH", json: { role } });
      startTransition(() => {
        setSavingRole(null);
        setAnnouncement(`${member.name} is now ${ROLE_LABELS[role].toLowerCase()}.`);
        router.refresh();
      });
    } catch (e) {
      setSavingRole(null); // the select shows the role the server still has
      setError(errorMessage(e));
    }
  }

  async function remove(member: MemberView) {
    setError(null);
    setAnnouncement("");
    setRemoving(member.userId);
    try {
      await api(`${membersUrl}/${encodeURIComponent(member.userId)}`, { method: "DELETE" });
      if (member.userId === currentUserId) {
        // Whoever leaves a project can no longer see it.
        router.push("/");
        router.refresh();
        return;
      }
      startTransition(() => {
        setConfirming(null);
        setRemoving(null);
        setAnnouncement(`Removed ${member.name} from the project.`);
        router.refresh();
      });
    } catch (e) {
      setRemoving(null);
      setConfirming(null);
      removeButtons.returnFocusTo(member.userId);
      setError(errorMessage(e));
    }
  }

  function cancelRemove(userId: string) {
    setConfirming(null);
    removeButtons.returnFocusTo(userId);
  }

  function onConfirmKeyDown(event: KeyboardEvent<HTMLDivElement>, userId: string) {
    if (event.key === "Escape" && removing === null) {
      event.preventDefault();
      cancelRemove(userId);
    }
  }

  return (
    <>
      <section className={styles.section}>
        <h2 id="members-heading">Members</h2>
        <TableRegion labelledBy="members-heading">
          <table className={styles.table} aria-labelledby="members-heading">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                {mayManage && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => {
                const isYou = member.userId === currentUserId;
                const role = savingRole?.userId === member.userId ? savingRole.role : member.role;
                const selectId = `role-${member.userId}`;
                return (
                  <tr key={member.userId}>
                    <th scope="row" className={styles.wide}>
                      {member.name}
                      {isYou && <span className={styles.you}> (you)</span>}
                    </th>
                    <td className={styles.wide}>{member.email}</td>
                    <td>
                      {mayManage ? (
                        <>
                          <label htmlFor={selectId} className="visually-hidden">
                            Role of {member.name}
                          </label>
                          <select
                            id={selectId}
                            value={role}
                            disabled={savingRole !== null || removing !== null}
                            onChange={(e) => changeRole(member, e.target.value as Role)}
                          >
                            <RoleOptions />
                          </select>
                        </>
                      ) : (
                        ROLE_LABELS[member.role]
                      )}
                    </td>
                    {mayManage && (
                      <td>
                        {confirming === member.userId ? (
                          <div
                            className={styles.confirm}
                            role="group"
                            aria-label={`Confirm removing ${member.name}`}
                            onKeyDown={(e) => onConfirmKeyDown(e, member.userId)}
                          >
                            <p ref={question} tabIndex={-1}>
                              {isYou ? "Leave this project?" : `Remove ${member.name}?`}
                            </p>
                            <button type="button" className="danger" disabled={removing !== null} onClick={() => remove(member)}>
                              {removing === member.userId ? "Removing…" : isYou ? "Yes, leave" : `Yes, remove ${member.name}`}
                            </button>
                            <button
                              type="button"
                              className="secondary"
                              disabled={removing !== null}
                              onClick={() => cancelRemove(member.userId)}
                            >
                              Cancel
                            </button>
                          </div>
                        ) : (
                          <button
                            type="button"
                            className="secondary"
                            disabled={removing !== null || savingRole !== null}
                            ref={removeButtons.register(member.userId)}
                            onClick={() => {
                              setError(null);
                              setConfirming(member.userId);
                            }}
                          >
                            Remove<span className="visually-hidden"> {member.name}</span>
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
        <p role="status" className={styles.status}>
          {announcement}
        </p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </section>
      {mayManage ? (
        <section className={styles.section}>
          <h2 id="add-member-heading">Invite someone</h2>
          <AddMemberForm
            membersUrl={membersUrl}
            onAdded={(invitation) =>
              startTransition(() => {
                setAnnouncement(`Invited ${invitation.email} as ${ROLE_LABELS[invitation.role].toLowerCase()}.`);
                router.refresh();
              })
            }
          />
          {invitations.length > 0 && (
            <InvitationList
              invitations={invitations}
              onCancelled={(invitation) =>
                startTransition(() => {
                  setAnnouncement(`Cancelled the invitation to ${invitation.email}.`);
                  router.refresh();
                })
              }
            />
          )}
        </section>
      ) : (
        <p className="muted">Only owners can invite, change or remove members.</p>
      )}
    </>
  );
}

function RoleOptions() {
  return ROLE_OPTIONS.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}

function InvitationList({
  invitations,
  onCancelled,
}: {
  invitations: InvitationView[];
  onCancelled: (invitation: InvitationView) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  async function cancel(invitation: InvitationView) {
    setError(null);
    try {
      await api(`/api/v1/invitations/${encodeURIComponent(invitation.id)}`, { method: "DELETE" });
      onCancelled(invitation);
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <>
      <h3 id="invitations-heading">Open invitations</h3>
      <ul aria-labelledby="invitations-heading" className="list">
        {invitations.map((invitation) => (
          <li key={invitation.id}>
            {invitation.email} — {ROLE_LABELS[invitation.role]}{" "}
            <button type="button" className="secondary" onClick={() => void cancel(invitation)}>
              Cancel<span className="visually-hidden"> the invitation to {invitation.email}</span>
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}

function AddMemberForm({ membersUrl, onAdded }: { membersUrl: string; onAdded: (invitation: InvitationView) => void }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("annotator");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const emailInput = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const invitation = await api<InvitationView>(membersUrl, { method: "POST", json: { email: email.trim(), role } });
      setEmail("");
      onAdded(invitation);
    } catch (e) {
      setError(errorMessage(e, { email: "Email", role: "Role" }));
    } finally {
      setBusy(false);
      emailInput.current?.focus();
    }
  }

  return (
    <form className={styles.form} aria-labelledby="add-member-heading" onSubmit={onSubmit} aria-busy={busy}>
      <fieldset className={styles.fieldset} disabled={busy}>
        <p className={styles.hint}>
          They join when they accept: the invitation waits on their home page once they sign in (or sign up) with this address.
        </p>
        <div className={styles.fieldRow}>
          <div className={styles.field}>
            <label htmlFor="member-email">Email</label>
            <input
              id="member-email"
              ref={emailInput}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
              maxLength={320}
              autoComplete="off"
            />
          </div>
          <div className={styles.field}>
            <label htmlFor="member-role">Role</label>
            <select id="member-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              <RoleOptions />
            </select>
          </div>
        </div>
        <div className={styles.actions}>
          <button type="submit">{busy ? "Inviting…" : "Invite"}</button>
        </div>
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
