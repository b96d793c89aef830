<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>tenantry::AccountActions</name>
    <message>
        <source>Make &amp;active</source>
        <translation>&amp;Aktiv setzen</translation>
    </message>
    <message>
        <source>Make this the subscription az and other tools use</source>
        <translation>Dieses Abonnement für az und andere Werkzeuge verwenden</translation>
    </message>
    <message>
        <source>&amp;Copy token…</source>
        <translation>&amp;Token kopieren …</translation>
    </message>
    <message>
        <source>Copy an access token for this tenant to the clipboard</source>
        <translation>Ein Zugriffstoken für diesen Mandanten in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Anmelden …</translation>
    </message>
    <message>
        <source>Sign in with a c&amp;ode…</source>
        <translation>Mit einem C&amp;ode anmelden …</translation>
    </message>
    <message>
        <source>Sign &amp;out of tenant</source>
        <translation>Vom Mandanten a&amp;bmelden</translation>
    </message>
    <message>
        <source>Remove this tenant&apos;s tokens and subscriptions</source>
        <translation>Token und Abonnements dieses Mandanten entfernen</translation>
    </message>
    <message>
        <source>Sign out of &amp;account</source>
        <translation>&amp;Konto abmelden</translation>
    </message>
    <message>
        <source>Remove this account&apos;s tokens and subscriptions, for az too</source>
        <translation>Token und Abonnements dieses Kontos entfernen, auch für az</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Find this account&apos;s tenants and subscriptions again</source>
        <translation>Mandanten und Abonnements dieses Kontos neu ermitteln</translation>
    </message>
    <message>
        <source>&amp;Sign in to tenant…</source>
        <translation>Beim Mandanten &amp;anmelden …</translation>
    </message>
    <message>
        <source>&amp;Sign in again…</source>
        <translation>Erneut &amp;anmelden …</translation>
    </message>
</context>
<context>
    <name>tenantry::AccountDetailsPanel</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Select an account, a tenant or a subscription to see its details.</source>
        <translation>Wählen Sie ein Konto, einen Mandanten oder ein Abonnement aus, um Details zu sehen.</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (in %2)</translation>
    </message>
    <message>
        <source>Subscription ID:</source>
        <translation>Abonnement-ID:</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Mandant:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>Tenant ID:</source>
        <translation>Mandanten-ID:</translation>
    </message>
    <message>
        <source>Domain:</source>
        <translation>Domäne:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Token expires:</source>
        <translation>Token läuft ab:</translation>
    </message>
    <message>
        <source>Tenants:</source>
        <translation>Mandanten:</translation>
    </message>
    <message>
        <source>Expired or revoked: sign in again</source>
        <translation>Abgelaufen oder widerrufen: erneut anmelden</translation>
    </message>
    <message>
        <source>Signed in; tokens renew on use</source>
        <translation>Angemeldet; Token werden bei Bedarf erneuert</translation>
    </message>
    <message>
        <source>Not signed in on this computer</source>
        <translation>Auf diesem Computer nicht angemeldet</translation>
    </message>
    <message>
        <source>Sign-in:</source>
        <translation>Anmeldung:</translation>
    </message>
</context>
<context>
    <name>tenantry::AccountDirectory</name>
    <message>
        <source>The sign-in expired or was revoked.</source>
        <translation>Die Anmeldung ist abgelaufen oder wurde widerrufen.</translation>
    </message>
    <message>
        <source>Not signed in on this computer.</source>
        <translation>Auf diesem Computer nicht angemeldet.</translation>
    </message>
</context>
<context>
    <name>tenantry::AccountTreeModel</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation>Anmeldung nötig</translation>
    </message>
    <message>
        <source>Needs sign-in: %1</source>
        <translation>Anmeldung nötig: %1</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>renews on use</source>
        <translation>wird bei Bedarf erneuert</translation>
    </message>
    <message>
        <source>expired — renews on use</source>
        <translation>abgelaufen — wird bei Bedarf erneuert</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>Sign-in expired</source>
        <translation>Anmeldung abgelaufen</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message numerus="yes">
        <source>%n tenant(s)</source>
        <translation>
            <numerusform>%n Mandant</numerusform>
            <numerusform>%n Mandanten</numerusform>
        </translation>
    </message>
    <message>
        <source>Active (az uses it)</source>
        <translation>Aktiv (von az verwendet)</translation>
    </message>
    <message>
        <source>Account / tenant / subscription</source>
        <translation>Konto / Mandant / Abonnement</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Token expires in</source>
        <translation>Token läuft ab in</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Warned</source>
        <translation>Gewarnt</translation>
    </message>
    <message>
        <source>Past due</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
</context>
<context>
    <name>tenantry::AccountsController</name>
    <message numerus="yes">
        <source>Refreshed %1: %n subscription(s).</source>
        <translation>
            <numerusform>%1 aktualisiert: %n Abonnement.</numerusform>
            <numerusform>%1 aktualisiert: %n Abonnements.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed out %1.</source>
        <translation>%1 abgemeldet.</translation>
    </message>
    <message>
        <source>Signed out of %1.</source>
        <translation>Von %1 abgemeldet.</translation>
    </message>
    <message numerus="yes">
        <source>Added %n subscription(s) to the Azure CLI&apos;s list: %1.</source>
        <translation>
            <numerusform>%n Abonnement zur Liste der Azure CLI hinzugefügt: %1.</numerusform>
            <numerusform>%n Abonnements zur Liste der Azure CLI hinzugefügt: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n subscription(s) from the Azure CLI&apos;s list: %1.</source>
        <translation>
            <numerusform>%n Abonnement aus der Liste der Azure CLI entfernt: %1.</numerusform>
            <numerusform>%n Abonnements aus der Liste der Azure CLI entfernt: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>No subscription is active any more: %1 is no longer listed.</source>
        <translation>Kein Abonnement ist mehr aktiv: %1 ist nicht mehr aufgeführt.</translation>
    </message>
    <message>
        <source>%1 is now the active subscription, as none was active.</source>
        <translation>%1 ist jetzt das aktive Abonnement, da keines aktiv war.</translation>
    </message>
    <message>
        <source>%1 is now the active subscription: %2 is no longer listed.</source>
        <translation>%1 ist jetzt das aktive Abonnement: %2 ist nicht mehr aufgeführt.</translation>
    </message>
    <message>
        <source>The active subscription is still %1.</source>
        <translation>Das aktive Abonnement ist weiterhin %1.</translation>
    </message>
</context>
<context>
    <name>tenantry::AccountsView</name>
    <message>
        <source>Accounts, tenants and subscriptions</source>
        <translation>Konten, Mandanten und Abonnements</translation>
    </message>
</context>
<context>
    <name>tenantry::AutostartEntry</name>
    <message>
        <source>Azure accounts, tenants and subscriptions</source>
        <translation>Azure-Konten, -Mandanten und -Abonnements</translation>
    </message>
    <message>
        <source>Could not change the Run key.</source>
        <translation>Der Run-Schlüssel konnte nicht geändert werden.</translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation>%1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>tenantry::CopiedTokenReminder</name>
    <message>
        <source>A copied token expires soon</source>
        <translation>Ein kopiertes Token läuft bald ab</translation>
    </message>
    <message numerus="yes">
        <source>The token you copied (%1) expires in %n minute(s).</source>
        <translation>
            <numerusform>Das kopierte Token (%1) läuft in %n Minute ab.</numerusform>
            <numerusform>Das kopierte Token (%1) läuft in %n Minuten ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>The token you copied (%1) has expired.</source>
        <translation>Das kopierte Token (%1) ist abgelaufen.</translation>
    </message>
</context>
<context>
    <name>tenantry::CopyTokenDialog</name>
    <message>
        <source>Copy Token</source>
        <translation>Token kopieren</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Bereich:</translation>
    </message>
    <message>
        <source>e.g. api://my-app/.default or https://myapp.example.com</source>
        <translation>z. B. api://my-app/.default oder https://myapp.example.com</translation>
    </message>
    <message>
        <source>Custom scope</source>
        <translation>Eigener Bereich</translation>
    </message>
    <message>
        <source>The &amp;token alone</source>
        <translation>Nur das &amp;Token</translation>
    </message>
    <message>
        <source>As an “Authorization: &amp;Bearer …” header</source>
        <translation>Als „Authorization: &amp;Bearer …“-Header</translation>
    </message>
    <message>
        <source>Copy:</source>
        <translation>Kopieren:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>&amp;Anmelden …</translation>
    </message>
    <message>
        <source>Getting a token…</source>
        <translation>Token wird abgerufen …</translation>
    </message>
    <message>
        <source>No token: %1
Sign in to this tenant first.</source>
        <translation>Kein Token: %1
Melden Sie sich zuerst bei diesem Mandanten an.</translation>
    </message>
    <message>
        <source>No token: %1</source>
        <translation>Kein Token: %1</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>Tenant:</source>
        <translation>Mandant:</translation>
    </message>
    <message>
        <source>Subscription:</source>
        <translation>Abonnement:</translation>
    </message>
</context>
<context>
    <name>tenantry::DesktopApp</name>
    <message>
        <source>Azure CLI subscriptions changed</source>
        <translation>Abonnements der Azure CLI geändert</translation>
    </message>
    <message>
        <source>The Azure CLI configuration in %1 cannot be used: %2</source>
        <translation>Die Azure-CLI-Konfiguration in %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>Sign-in cancelled; nothing was changed.</source>
        <translation>Anmeldung abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The sign-in did not complete: %1</source>
        <translation>Die Anmeldung wurde nicht abgeschlossen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Signed in as %1: %n subscription(s).</source>
        <translation>
            <numerusform>Angemeldet als %1: %n Abonnement.</numerusform>
            <numerusform>Angemeldet als %1: %n Abonnements.</numerusform>
        </translation>
    </message>
    <message>
        <source>Active subscription: %1</source>
        <translation>Aktives Abonnement: %1</translation>
    </message>
    <message>
        <source>Sign out of %1?</source>
        <translation>Von %1 abmelden?</translation>
    </message>
    <message>
        <source>Tenantry, az and other tools that share the token cache will no longer use %1&apos;s tokens for the tenant %2, and its subscriptions are removed from the list.</source>
        <translation>Tenantry, az und andere Werkzeuge, die den Token-Cache gemeinsam nutzen, verwenden die Token von %1 für den Mandanten %2 nicht mehr, und seine Abonnements werden aus der Liste entfernt.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign out %1?</source>
        <translation>%1 abmelden?</translation>
    </message>
    <message>
        <source>Copied a token for %1, valid until %2. The clipboard is cleared in %3 s.</source>
        <translation>Token für %1 kopiert, gültig bis %2. Die Zwischenablage wird in %3 s geleert.</translation>
    </message>
    <message>
        <source>Copied a token for %1, valid until %2.</source>
        <translation>Token für %1 kopiert, gültig bis %2.</translation>
    </message>
    <message>
        <source>Token copied</source>
        <translation>Token kopiert</translation>
    </message>
    <message>
        <source>No token for %1: %2</source>
        <translation>Kein Token für %1: %2</translation>
    </message>
    <message>
        <source>Could not copy a token</source>
        <translation>Token konnte nicht kopiert werden</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>Tenantry uses the new cloud setting from its next start.</source>
        <translation>Tenantry verwendet die neue Cloud-Einstellung ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>All tokens of %1 are removed from this computer — for az and other tools that share the token cache too — together with its subscriptions. Other accounts are not touched.</source>
        <translation>Alle Token von %1 werden von diesem Computer entfernt — auch für az und andere Werkzeuge, die den Token-Cache gemeinsam nutzen — zusammen mit seinen Abonnements. Andere Konten bleiben unberührt.</translation>
    </message>
    <message>
        <source>The account&apos;s refresh token can still reach this tenant until you sign out of the account itself.</source>
        <translation>Das Aktualisierungstoken des Kontos erreicht diesen Mandanten weiterhin, bis Sie sich vom Konto selbst abmelden.</translation>
    </message>
    <message>
        <source>Sign out everywhere?</source>
        <translation>Überall abmelden?</translation>
    </message>
    <message>
        <source>Every account&apos;s tokens are removed from this computer: from Tenantry&apos;s keychain item and from the Azure CLI&apos;s token cache %1 and its backup copies, which az, Azure PowerShell, VS Code and other tools share. The list of subscriptions az knows (azureProfile.json) is emptied.</source>
        <translation>Die Token aller Konten werden von diesem Computer entfernt: aus dem Schlüsselbund-Eintrag von Tenantry und aus dem Token-Cache der Azure CLI %1 samt seinen Sicherungskopien, den az, Azure PowerShell, VS Code und andere Werkzeuge gemeinsam nutzen. Die Liste der Abonnements, die az kennt (azureProfile.json), wird geleert.</translation>
    </message>
    <message>
        <source>Afterwards az and those tools need a new sign-in (az login), and so does Tenantry.</source>
        <translation>Danach ist in az und diesen Werkzeugen eine neue Anmeldung nötig (az login), ebenso in Tenantry.</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>Überall abmelden</translation>
    </message>
    <message>
        <source>Not everything could be removed: %1</source>
        <translation>Nicht alles konnte entfernt werden: %1</translation>
    </message>
    <message>
        <source>Signed out everywhere: no account&apos;s tokens are left.</source>
        <translation>Überall abgemeldet: Es sind keine Token eines Kontos mehr übrig.</translation>
    </message>
</context>
<context>
    <name>tenantry::DeviceCodeDialog</name>
    <message>
        <source>Sign in with a code</source>
        <translation>Mit einem Code anmelden</translation>
    </message>
    <message>
        <source>On this or any other device, open the page below, enter the code and sign in with your work or school account.</source>
        <translation>Öffnen Sie auf diesem oder einem anderen Gerät die folgende Seite, geben Sie den Code ein und melden Sie sich mit Ihrem Geschäfts-, Schul- oder Unikonto an.</translation>
    </message>
    <message>
        <source>Open in your web browser</source>
        <translation>Im Webbrowser öffnen</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation>Code &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Open page</source>
        <translation>Seite ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Waiting for you to finish signing in…</source>
        <translation>Warten, bis Sie die Anmeldung abgeschlossen haben …</translation>
    </message>
    <message>
        <source>The code has expired.</source>
        <translation>Der Code ist abgelaufen.</translation>
    </message>
    <message>
        <source>Time left: %1</source>
        <translation>Verbleibende Zeit: %1</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>The sign-in failed.</source>
        <translation>Die Anmeldung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Enter this code only if you started this sign-in from Tenantry just now.</source>
        <translation>Geben Sie diesen Code nur ein, wenn Sie diese Anmeldung gerade eben selbst in Tenantry gestartet haben.</translation>
    </message>
    <message>
        <source>The code belongs to %1: enter it only on the page linked above.</source>
        <translation>Der Code gehört zu %1: Geben Sie ihn nur auf der oben verlinkten Seite ein.</translation>
    </message>
    <message>
        <source>If someone sent you this code or asked you to enter it, cancel: the code would give them access to your account.</source>
        <translation>Wenn Ihnen jemand diesen Code geschickt oder Sie gebeten hat, ihn einzugeben, brechen Sie ab: Der Code würde dieser Person Zugriff auf Ihr Konto geben.</translation>
    </message>
</context>
<context>
    <name>tenantry::EmbeddedSignInDialog</name>
    <message>
        <source>Sign in to Azure</source>
        <translation>Bei Azure anmelden</translation>
    </message>
    <message>
        <source>The site you are signing in to</source>
        <translation>Die Website, bei der Sie sich anmelden</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Wird geladen</translation>
    </message>
    <message>
        <source>The sign-in did not complete</source>
        <translation>Die Anmeldung wurde nicht abgeschlossen</translation>
    </message>
    <message>
        <source>The sign-in page of %1 could not be loaded: %2</source>
        <translation>Die Anmeldeseite von %1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Loading the sign-in page…</source>
        <translation>Anmeldeseite wird geladen …</translation>
    </message>
    <message>
        <source>Secure connection to %1</source>
        <translation>Sichere Verbindung zu %1</translation>
    </message>
    <message>
        <source>Unencrypted connection to %1</source>
        <translation>Unverschlüsselte Verbindung zu %1</translation>
    </message>
</context>
<context>
    <name>tenantry::LaunchOptions</name>
    <message>
        <source>Tenantry: your Azure accounts, tenants and subscriptions.</source>
        <translation>Tenantry: Ihre Azure-Konten, -Mandanten und -Abonnements.</translation>
    </message>
    <message>
        <source>Open the sign-in in a browser window.</source>
        <translation>Die Anmeldung in einem Browserfenster öffnen.</translation>
    </message>
    <message>
        <source>Sign in to this tenant (ID or domain).</source>
        <translation>Bei diesem Mandanten anmelden (ID oder Domäne).</translation>
    </message>
    <message>
        <source>tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Sign in with a code on another device.</source>
        <translation>Mit einem Code auf einem anderen Gerät anmelden.</translation>
    </message>
    <message>
        <source>Start in the system tray.</source>
        <translation>Im Infobereich starten.</translation>
    </message>
</context>
<context>
    <name>tenantry::MainWindow</name>
    <message>
        <source>Tenantry</source>
        <translation>Tenantry</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>Sign in with a &amp;browser…</source>
        <translation>Mit einem &amp;Browser anmelden …</translation>
    </message>
    <message>
        <source>Sign in with a &amp;code…</source>
        <translation>Mit einem &amp;Code anmelden …</translation>
    </message>
    <message>
        <source>&amp;Refresh all</source>
        <translation>Alles &amp;aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Tenantry</source>
        <translation>&amp;Über Tenantry</translation>
    </message>
    <message>
        <source>About Tenantry</source>
        <translation>Über Tenantry</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tenantry %1&lt;/h3&gt;&lt;p&gt;Your Azure accounts, tenants and subscriptions, shared with the Azure CLI and other tools.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tenantry %1&lt;/h3&gt;&lt;p&gt;Ihre Azure-Konten, -Mandanten und -Abonnements, gemeinsam genutzt mit der Azure CLI und anderen Werkzeugen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Token on the clipboard, cleared in %1 s</source>
        <translation>Token in der Zwischenablage, wird in %1 s gelöscht</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>Sign in to another account or tenant</source>
        <translation>Bei einem weiteren Konto oder Mandanten anmelden</translation>
    </message>
    <message>
        <source>Sign &amp;out everywhere…</source>
        <translation>Überall ab&amp;melden …</translation>
    </message>
    <message>
        <source>Remove every account&apos;s tokens from this computer, for az and other tools too</source>
        <translation>Die Token aller Konten von diesem Computer entfernen, auch für az und andere Werkzeuge</translation>
    </message>
</context>
<context>
    <name>tenantry::Notifier</name>
    <message>
        <source>%1 needs you to sign in again to use the tenant %2.</source>
        <translation>%1 muss sich erneut anmelden, um den Mandanten %2 zu verwenden.</translation>
    </message>
    <message>
        <source>Sign-in needed for %1</source>
        <translation>Anmeldung nötig für %1</translation>
    </message>
    <message>
        <source>The sign-in of %1 has expired or was revoked. Sign in again to keep using its tenants.</source>
        <translation>Die Anmeldung von %1 ist abgelaufen oder wurde widerrufen. Melden Sie sich erneut an, um seine Mandanten weiter zu verwenden.</translation>
    </message>
    <message>
        <source>Sign-in expired</source>
        <translation>Anmeldung abgelaufen</translation>
    </message>
</context>
<context>
    <name>tenantry::ScopeCatalogue</name>
    <message>
        <source>Azure Resource Manager</source>
        <translation>Azure Resource Manager</translation>
    </message>
    <message>
        <source>Microsoft Graph</source>
        <translation>Microsoft Graph</translation>
    </message>
    <message>
        <source>Key Vault</source>
        <translation>Key Vault (Schlüsseltresor)</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicher (Azure Storage)</translation>
    </message>
    <message>
        <source>Azure DevOps</source>
        <translation>Azure DevOps</translation>
    </message>
    <message>
        <source>Custom scope…</source>
        <translation>Eigener Bereich (Scope) …</translation>
    </message>
</context>
<context>
    <name>tenantry::SettingsDialog</name>
    <message>
        <source>Tenantry Settings</source>
        <translation>Tenantry-Einstellungen</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Keychain and Azure CLI files</source>
        <translation>Schlüsselbund und Azure-CLI-Dateien</translation>
    </message>
    <message>
        <source>Keychain only</source>
        <translation>Nur Schlüsselbund</translation>
    </message>
    <message>
        <source>“Keychain only” keeps no plaintext token cache on disk; az, Azure PowerShell and other tools then cannot use Tenantry&apos;s sign-ins.</source>
        <translation>„Nur Schlüsselbund“ legt keinen Token-Cache im Klartext auf der Festplatte ab; az, Azure PowerShell und andere Werkzeuge können die Anmeldungen von Tenantry dann nicht nutzen.</translation>
    </message>
    <message>
        <source>&amp;Storage:</source>
        <translation>&amp;Speicherort:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>A copied token is removed from the clipboard after this time, unless something else was copied meanwhile.</source>
        <translation>Ein kopiertes Token wird nach dieser Zeit aus der Zwischenablage entfernt, sofern inzwischen nichts anderes kopiert wurde.</translation>
    </message>
    <message>
        <source>&amp;Clear clipboard after:</source>
        <translation>Zwischenablage &amp;leeren nach:</translation>
    </message>
    <message>
        <source>Also copy tokens to the &amp;primary selection (middle-click paste)</source>
        <translation>Token auch in die &amp;primäre Auswahl kopieren (Einfügen per Mittelklick)</translation>
    </message>
    <message>
        <source>A middle click pastes the primary selection into whatever window is under the mouse, so a token there is easily pasted by mistake. Cleared with the clipboard.</source>
        <translation>Ein Mittelklick fügt die primäre Auswahl in das Fenster unter dem Mauszeiger ein; ein Token darin ist also schnell versehentlich eingefügt. Wird mit der Zwischenablage geleert.</translation>
    </message>
    <message>
        <source>Same as Azure CLI</source>
        <translation>Wie in der Azure CLI</translation>
    </message>
    <message>
        <source>Azure (global)</source>
        <translation>Azure (global)</translation>
    </message>
    <message>
        <source>Azure operated by 21Vianet (China)</source>
        <translation>Azure, betrieben von 21Vianet (China)</translation>
    </message>
    <message>
        <source>Azure Government (US)</source>
        <translation>Azure Government (USA)</translation>
    </message>
    <message>
        <source>Cl&amp;oud:</source>
        <translation>Cl&amp;oud:</translation>
    </message>
    <message>
        <source>Startup</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start Tenantry when I &amp;log in</source>
        <translation>Tenantry bei der &amp;Anmeldung am System starten</translation>
    </message>
    <message>
        <source>Not available on this system.</source>
        <translation>Auf diesem System nicht verfügbar.</translation>
    </message>
    <message>
        <source>Start &amp;minimized to the tray</source>
        <translation>&amp;Minimiert im Infobereich starten</translation>
    </message>
    <message>
        <source> min before</source>
        <translation> min vorher</translation>
    </message>
    <message>
        <source>A notification a few minutes before the last token you copied expires, so a script or an API client using it does not fail unexpectedly.</source>
        <translation>Eine Benachrichtigung einige Minuten bevor das zuletzt kopierte Token abläuft, damit ein Skript oder API-Client, der es verwendet, nicht unerwartet fehlschlägt.</translation>
    </message>
    <message>
        <source>&amp;Remind before a copied token expires:</source>
        <translation>&amp;Erinnern, bevor ein kopiertes Token abläuft:</translation>
    </message>
    <message>
        <source>Remove the refresh tokens Tenantry copied into Azure CLI&apos;s file?</source>
        <translation>Die Aktualisierungstoken, die Tenantry in die Datei der Azure CLI geschrieben hat, entfernen?</translation>
    </message>
    <message>
        <source>From now on Tenantry keeps its tokens in the keychain only. Removing them from the plaintext file leaves no copy on disk; az will then need to sign in again.</source>
        <translation>Ab jetzt bewahrt Tenantry seine Token nur im Schlüsselbund auf. Werden sie aus der Klartextdatei entfernt, bleibt keine Kopie auf der Festplatte; az muss sich dann neu anmelden.</translation>
    </message>
    <message>
        <source>&amp;Remove from the file</source>
        <translation>Aus der Datei &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Keep the file as it is</source>
        <translation>Datei &amp;unverändert lassen</translation>
    </message>
</context>
<context>
    <name>tenantry::SignInCoordinator</name>
    <message>
        <source>Opening the sign-in page…</source>
        <translation>Anmeldeseite wird geöffnet …</translation>
    </message>
    <message>
        <source>Asking for a sign-in code…</source>
        <translation>Anmeldecode wird angefordert …</translation>
    </message>
    <message>
        <source>Signed in; finding your tenants and subscriptions…</source>
        <translation>Angemeldet; Ihre Mandanten und Abonnements werden ermittelt …</translation>
    </message>
</context>
<context>
    <name>tenantry::SingleInstance</name>
    <message>
        <source>Cannot reach the running Tenantry (error %1).</source>
        <translation>Das laufende Tenantry ist nicht erreichbar (Fehler %1).</translation>
    </message>
    <message>
        <source>The running Tenantry does not answer.</source>
        <translation>Das laufende Tenantry antwortet nicht.</translation>
    </message>
    <message>
        <source>Cannot listen for later launches: %1</source>
        <translation>Spätere Programmstarts können nicht entgegengenommen werden: %1</translation>
    </message>
    <message>
        <source>it is a symbolic link</source>
        <translation>es ist ein symbolischer Link</translation>
    </message>
    <message>
        <source>it is not a directory</source>
        <translation>es ist kein Verzeichnis</translation>
    </message>
    <message>
        <source>it belongs to user %1</source>
        <translation>es gehört dem Benutzer %1</translation>
    </message>
    <message>
        <source>its mode is %1, not 0700</source>
        <translation>seine Zugriffsrechte sind %1 statt 0700</translation>
    </message>
    <message>
        <source>Not using %1 for the single-instance socket: %2.</source>
        <translation>%1 wird nicht für den Socket der Einzelinstanz verwendet: %2.</translation>
    </message>
    <message>
        <source>%1 is not a socket of this user&apos;s; leaving it alone.</source>
        <translation>%1 ist kein Socket dieses Benutzers und bleibt unangetastet.</translation>
    </message>
    <message>
        <source>Cannot remove the stale socket %1: %2</source>
        <translation>Der verwaiste Socket %1 kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>it is not an absolute path</source>
        <translation>es ist kein absoluter Pfad</translation>
    </message>
</context>
<context>
    <name>tenantry::TrayController</name>
    <message>
        <source>Could not switch the subscription</source>
        <translation>Das Abonnement konnte nicht gewechselt werden</translation>
    </message>
    <message>
        <source>Active subscription changed</source>
        <translation>Aktives Abonnement gewechselt</translation>
    </message>
    <message>
        <source>az now uses “%1” in %2.</source>
        <translation>az verwendet jetzt „%1“ in %2.</translation>
    </message>
</context>
<context>
    <name>tenantry::TrayMenu</name>
    <message>
        <source>&amp;Show Tenantry</source>
        <translation>Tenantry an&amp;zeigen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Copy &amp;token</source>
        <translation>&amp;Token kopieren</translation>
    </message>
    <message>
        <source>As “Authorization: Bearer” header</source>
        <translation>Als „Authorization: Bearer“-Header</translation>
    </message>
    <message>
        <source>Tenantry
No active subscription</source>
        <translation>Tenantry
Kein aktives Abonnement</translation>
    </message>
    <message>
        <source>Tenantry
Subscription: %1
Tenant: %2</source>
        <translation>Tenantry
Abonnement: %1
Mandant: %2</translation>
    </message>
    <message>
        <source>Tenant without subscriptions</source>
        <translation>Mandant ohne Abonnements</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden …</translation>
    </message>
</context>
<context>
    <name>tenantry::WebEngineAuthorizationBrowser</name>
    <message>
        <source>Cannot find a free local port for the sign-in redirect: %1</source>
        <translation>Für die Weiterleitung der Anmeldung ist kein lokaler Port frei: %1</translation>
    </message>
</context>
<context>
    <name>tenantry::WelcomePanel</name>
    <message>
        <source>Sign in to Azure</source>
        <translation>Bei Azure anmelden</translation>
    </message>
    <message>
        <source>See every account, tenant and subscription you use with az, Azure PowerShell and VS Code in one place, switch the active subscription and copy tokens. Tokens are kept in your system keychain.</source>
        <translation>Sehen Sie alle Konten, Mandanten und Abonnements, die Sie mit az, Azure PowerShell und VS Code nutzen, an einem Ort, wechseln Sie das aktive Abonnement und kopieren Sie Token. Die Token liegen im Schlüsselbund Ihres Systems.</translation>
    </message>
    <message>
        <source>Sign in with a browser</source>
        <translation>Mit einem Browser anmelden</translation>
    </message>
    <message>
        <source>Sign in with a code</source>
        <translation>Mit einem Code anmelden</translation>
    </message>
    <message>
        <source>Use a code when this computer has no browser, or to sign in on your phone.</source>
        <translation>Verwenden Sie einen Code, wenn dieser Computer keinen Browser hat oder Sie sich auf Ihrem Telefon anmelden möchten.</translation>
    </message>
</context>
</TS>
