<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AuthorizationResponse</name>
    <message>
        <source>The identity provider&apos;s sign-in response could not be read.</source>
        <translation>Die Anmeldeantwort des Identitätsanbieters konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>tenantry::AboutDialog</name>
    <message>
        <source>About Tenantry</source>
        <translation>Über Tenantry</translation>
    </message>
    <message>
        <source>Tenantry %1</source>
        <translation>Tenantry %1</translation>
    </message>
    <message>
        <source>Tenantry shows the Azure accounts, tenants and subscriptions you are signed in to, and shares its sign-ins with the Azure CLI and other tools on this computer.</source>
        <translation>Tenantry zeigt die Azure-Konten, Mandanten und Abonnements, bei denen Sie angemeldet sind, und teilt seine Anmeldungen mit der Azure CLI und anderen Werkzeugen auf diesem Computer.</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>Keychain only: Tenantry writes no tokens to a file.</source>
        <translation>Nur Schlüsselbund: Tenantry schreibt keine Tokens in eine Datei.</translation>
    </message>
    <message>
        <source>Keychain and file: the tokens are in the system keychain and in the token cache file, for az and other tools.</source>
        <translation>Schlüsselbund und Datei: Die Tokens liegen im Schlüsselbund des Systems und in der Token-Cache-Datei, für az und andere Werkzeuge.</translation>
    </message>
    <message>
        <source>Set by TENANTRY_STORAGE_MODE.</source>
        <translation>Durch TENANTRY_STORAGE_MODE festgelegt.</translation>
    </message>
    <message>
        <source>Token storage:</source>
        <translation>Token-Speicher:</translation>
    </message>
    <message>
        <source>Token cache file:</source>
        <translation>Token-Cache-Datei:</translation>
    </message>
    <message>
        <source>Settings file:</source>
        <translation>Einstellungsdatei:</translation>
    </message>
    <message>
        <source>The debugger output (DebugView), not a file.
More detail: QT_LOGGING_RULES=&quot;tenantry.*=true&quot;</source>
        <translation>Die Debugger-Ausgabe (DebugView), keine Datei.
Mehr Einzelheiten: QT_LOGGING_RULES=&quot;tenantry.*=true&quot;</translation>
    </message>
    <message>
        <source>Standard error, not a file: the terminal Tenantry was started from, else the unified log (Console).
More detail: QT_LOGGING_RULES=&quot;tenantry.*=true&quot;</source>
        <translation>Die Standardfehlerausgabe, keine Datei: das Terminal, aus dem Tenantry gestartet wurde, sonst das einheitliche Protokoll (Konsole).
Mehr Einzelheiten: QT_LOGGING_RULES=&quot;tenantry.*=true&quot;</translation>
    </message>
    <message>
        <source>Standard error, not a file: the terminal Tenantry was started from, or the desktop session&apos;s log:
journalctl --user (or ~/.xsession-errors)
More detail: QT_LOGGING_RULES=&quot;tenantry.*=true&quot;</source>
        <translation>Die Standardfehlerausgabe, keine Datei: das Terminal, aus dem Tenantry gestartet wurde, oder das Protokoll der Desktop-Sitzung:
journalctl --user (oder ~/.xsession-errors)
Mehr Einzelheiten: QT_LOGGING_RULES=&quot;tenantry.*=true&quot;</translation>
    </message>
    <message>
        <source>Logs:</source>
        <translation>Protokolle:</translation>
    </message>
    <message>
        <source>Home:</source>
        <translation>Website:</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>Lizenz:</translation>
    </message>
    <message>
        <source>MIT License</source>
        <translation>MIT-Lizenz</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
</context>
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
    <message>
        <source>Choose &amp;tenants…</source>
        <translation>&amp;Mandanten auswählen …</translation>
    </message>
    <message>
        <source>Choose which of this account&apos;s tenants Tenantry shows and keeps signed in</source>
        <translation>Auswählen, welche Mandanten dieses Kontos Tenantry anzeigt und angemeldet hält</translation>
    </message>
    <message>
        <source>Open a &amp;terminal here</source>
        <translation>&amp;Terminal hier öffnen</translation>
    </message>
    <message>
        <source>Open a terminal in which az and other tools use this subscription; other terminals keep the active one</source>
        <translation>Ein Terminal öffnen, in dem az und andere Werkzeuge dieses Abonnement verwenden; andere Terminals behalten das aktive</translation>
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
    <message>
        <source>Details:</source>
        <translation>Details:</translation>
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
    <message>
        <source>Signed in through the broker az uses (Web Account Manager on Windows): Tenantry uses the tokens az cached, and az renews them.</source>
        <translation>Über den Broker angemeldet, den az verwendet (unter Windows der Web Account Manager): Tenantry verwendet die Token, die az zwischengespeichert hat, und az erneuert sie.</translation>
    </message>
    <message>
        <source>Signed in through the broker</source>
        <translation>Über den Broker angemeldet</translation>
    </message>
    <message>
        <source>expired — az renews it</source>
        <translation>abgelaufen — az erneuert es</translation>
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
    <name>tenantry::AccountsFilterBar</name>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>Filter by account, tenant or subscription name or ID (%1, or just type)</source>
        <translation>Nach Name oder ID von Konto, Mandant oder Abonnement filtern (%1 oder einfach tippen)</translation>
    </message>
    <message>
        <source>Filter accounts, tenants and subscriptions</source>
        <translation>Konten, Mandanten und Abonnements filtern</translation>
    </message>
    <message>
        <source>No account, tenant or subscription matches “%1”.</source>
        <translation>Kein Konto, Mandant oder Abonnement passt zu „%1“.</translation>
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
    <name>tenantry::AppSettings</name>
    <message>
        <source>TENANTRY_STORAGE_MODE is neither &quot;keychain-only&quot; nor &quot;keychain-and-file&quot;; the storage setting is used.</source>
        <translation>TENANTRY_STORAGE_MODE ist weder „keychain-only“ noch „keychain-and-file“; die Speichereinstellung wird verwendet.</translation>
    </message>
</context>
<context>
    <name>tenantry::ArmClient</name>
    <message>
        <source>Azure Resource Manager answered HTTP %1</source>
        <translation>Azure Resource Manager antwortete mit HTTP %1</translation>
    </message>
    <message>
        <source>Azure Resource Manager sent an unreadable answer.</source>
        <translation>Azure Resource Manager hat eine unlesbare Antwort gesendet.</translation>
    </message>
    <message>
        <source>Azure Resource Manager sent a list that is not a list.</source>
        <translation>Azure Resource Manager hat eine Liste gesendet, die keine Liste ist.</translation>
    </message>
    <message>
        <source>Azure Resource Manager sent an unreadable next page link.</source>
        <translation>Azure Resource Manager hat einen unlesbaren Link auf die nächste Seite gesendet.</translation>
    </message>
    <message>
        <source>Azure Resource Manager pointed the next page to another host.</source>
        <translation>Azure Resource Manager hat für die nächste Seite auf einen anderen Host verwiesen.</translation>
    </message>
    <message>
        <source>Azure Resource Manager listed more than %1 entries; the rest was not read.</source>
        <translation>Azure Resource Manager hat mehr als %1 Einträge aufgelistet; der Rest wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>Azure Resource Manager listed more than %1 pages; the rest was not read.</source>
        <translation>Azure Resource Manager hat mehr als %1 Seiten aufgelistet; der Rest wurde nicht gelesen.</translation>
    </message>
</context>
<context>
    <name>tenantry::AtomicFile</name>
    <message>
        <source>Cannot write %1: it is not a regular file</source>
        <translation>%1 kann nicht geschrieben werden: Es ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: cannot create a temporary file in %2: %3</source>
        <translation>%1 kann nicht geschrieben werden: In %2 kann keine temporäre Datei angelegt werden: %3</translation>
    </message>
    <message>
        <source>Cannot write %1: %2: %3</source>
        <translation>%1 kann nicht geschrieben werden: %2: %3</translation>
    </message>
    <message>
        <source>cannot set its permissions</source>
        <translation>ihre Berechtigungen können nicht gesetzt werden</translation>
    </message>
    <message>
        <source>writing failed</source>
        <translation>das Schreiben ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>flushing to disk failed</source>
        <translation>das Schreiben auf die Festplatte ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot write %1: closing failed: %2</source>
        <translation>%1 kann nicht geschrieben werden: Das Schließen ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cannot replace %1: %2</source>
        <translation>%1 kann nicht ersetzt werden: %2</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
</context>
<context>
    <name>tenantry::AuthCodeFlow</name>
    <message>
        <source>No browser is available for the sign-in.</source>
        <translation>Für die Anmeldung ist kein Browser verfügbar.</translation>
    </message>
    <message>
        <source>a minute</source>
        <translation>einer Minute</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
    <message>
        <source>a second</source>
        <translation>einer Sekunde</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 Sekunden</translation>
    </message>
    <message>
        <source>The sign-in did not come back from the browser within %1.</source>
        <translation>Die Anmeldung ist nicht innerhalb von %1 aus dem Browser zurückgekommen.</translation>
    </message>
    <message>
        <source>The sign-in response did not belong to this sign-in (state mismatch).</source>
        <translation>Die Anmeldeantwort gehörte nicht zu dieser Anmeldung (state stimmt nicht überein).</translation>
    </message>
    <message>
        <source>The identity provider&apos;s answer failed the nonce check; the sign-in was not accepted.</source>
        <translation>Die Antwort des Identitätsanbieters hat die Nonce-Prüfung nicht bestanden; die Anmeldung wurde nicht angenommen.</translation>
    </message>
</context>
<context>
    <name>tenantry::AuthorityDiscovery</name>
    <message>
        <source>&apos;%1&apos; is not a tenant %2 knows.</source>
        <translation>„%1“ ist kein Mandant, den %2 kennt.</translation>
    </message>
    <message>
        <source>Could not read the sign-in configuration of tenant &apos;%1&apos; from %2 (%3).</source>
        <translation>Die Anmeldekonfiguration des Mandanten „%1“ konnte nicht von %2 gelesen werden (%3).</translation>
    </message>
    <message>
        <source>The sign-in configuration of &apos;%1&apos; is unusable: %2</source>
        <translation>Die Anmeldekonfiguration von „%1“ ist unbrauchbar: %2</translation>
    </message>
    <message>
        <source>its device authorization endpoint is on %1, not on %2</source>
        <translation>ihr Endpunkt für die Geräteautorisierung liegt auf %1, nicht auf %2</translation>
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
    <name>tenantry::AzureCliState</name>
    <message>
        <source>Cloud &apos;%1&apos; is not registered (built in: AzureCloud, AzureChinaCloud, AzureUSGovernment; others come from clouds.config).</source>
        <translation>Die Cloud „%1“ ist nicht registriert (eingebaut: AzureCloud, AzureChinaCloud, AzureUSGovernment; weitere stammen aus clouds.config).</translation>
    </message>
    <message>
        <source>Subscription &apos;%1&apos; not found. Check the spelling and casing and try again.</source>
        <translation>Das Abonnement „%1“ wurde nicht gefunden. Prüfen Sie die Schreibweise sowie Groß- und Kleinschreibung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Multiple subscriptions with the name &apos;%1&apos; found. Specify the subscription ID.</source>
        <translation>Es gibt mehrere Abonnements mit dem Namen „%1“. Geben Sie die Abonnement-ID an.</translation>
    </message>
    <message>
        <source>The subscription of &apos;%1&apos; %2 in cloud &apos;%3&apos;.</source>
        <translation>Das Abonnement „%1“ %2 in der Cloud „%3“.</translation>
    </message>
    <message>
        <source>doesn&apos;t exist</source>
        <translation>existiert nicht</translation>
    </message>
    <message>
        <source>has more than one match</source>
        <translation>hat mehr als einen Treffer</translation>
    </message>
    <message>
        <source>The subscription &apos;%1&apos; is not in %2.</source>
        <translation>Das Abonnement „%1“ ist nicht in %2.</translation>
    </message>
</context>
<context>
    <name>tenantry::AzureConfigDir</name>
    <message>
        <source>it is owned by another user (uid %1)</source>
        <translation>es gehört einem anderen Benutzer (UID %1)</translation>
    </message>
    <message>
        <source>its group can write to it</source>
        <translation>seine Gruppe kann hineinschreiben</translation>
    </message>
    <message>
        <source>everyone can write to it</source>
        <translation>jeder kann hineinschreiben</translation>
    </message>
    <message>
        <source>Cannot create the Azure configuration directory %1: %2</source>
        <translation>Das Azure-Konfigurationsverzeichnis %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>something else is there</source>
        <translation>dort liegt bereits etwas anderes</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot create the Azure configuration directory %1</source>
        <translation>Das Azure-Konfigurationsverzeichnis %1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>tenantry::AzureProfile</name>
    <message>
        <source>Cannot keep a backup of %1: too many backups already</source>
        <translation>Von %1 kann keine Sicherungskopie angelegt werden: Es gibt bereits zu viele</translation>
    </message>
    <message>
        <source>the top level is not a JSON object</source>
        <translation>die oberste Ebene ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>The Azure CLI profile %1 cannot be read: %2. It is left as it is and will be kept as a .bak copy before it is next written.</source>
        <translation>Das Azure-CLI-Profil %1 kann nicht gelesen werden: %2. Es bleibt unverändert und wird vor dem nächsten Schreiben als .bak-Kopie aufbewahrt.</translation>
    </message>
    <message>
        <source>Not writing %1: it could not be read, and writing it would lose its content.</source>
        <translation>%1 wird nicht geschrieben: Die Datei konnte nicht gelesen werden, und beim Schreiben ginge ihr Inhalt verloren.</translation>
    </message>
    <message>
        <source>Not writing %1: could not keep a backup of it first (%2)</source>
        <translation>%1 wird nicht geschrieben: Vorher konnte keine Sicherungskopie angelegt werden (%2)</translation>
    </message>
    <message>
        <source>No subscription is the default.</source>
        <translation>Kein Abonnement ist als Standard festgelegt.</translation>
    </message>
    <message>
        <source> in cloud &apos;%1&apos;</source>
        <translation> in der Cloud „%1“</translation>
    </message>
    <message>
        <source>The subscription of &apos;%1&apos; %2%3.</source>
        <translation>Das Abonnement „%1“ %2%3.</translation>
    </message>
    <message>
        <source>doesn&apos;t exist</source>
        <translation>existiert nicht</translation>
    </message>
    <message>
        <source>has more than one match</source>
        <translation>hat mehr als einen Treffer</translation>
    </message>
    <message>
        <source>Cannot read the Azure CLI profile %1: %2</source>
        <translation>Das Azure-CLI-Profil %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>&quot;subscriptions&quot; is not a list</source>
        <translation>„subscriptions“ ist keine Liste</translation>
    </message>
</context>
<context>
    <name>tenantry::AzureProfileFile</name>
    <message>
        <source>The Azure CLI profile %1 was not changed: %2</source>
        <translation>Das Azure-CLI-Profil %1 wurde nicht geändert: %2</translation>
    </message>
    <message>
        <source>Cannot read the Azure CLI profile %1: %2. Nothing was written.</source>
        <translation>Das Azure-CLI-Profil %1 kann nicht gelesen werden: %2. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The Azure CLI profile %1 was not changed: another program kept rewriting it.</source>
        <translation>Das Azure-CLI-Profil %1 wurde nicht geändert: Ein anderes Programm hat es immer wieder neu geschrieben.</translation>
    </message>
</context>
<context>
    <name>tenantry::BoundedFileRead</name>
    <message>
        <source>it is larger than %1</source>
        <translation>sie ist größer als %1</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>es ist ein Ordner</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>es ist keine reguläre Datei</translation>
    </message>
</context>
<context>
    <name>tenantry::CacheTreeModel</name>
    <message>
        <source>App / account / token</source>
        <translation>App / Konto / Token</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>Refresh token</source>
        <translation>Aktualisierungstoken</translation>
    </message>
    <message>
        <source>ID token</source>
        <translation>ID-Token</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>App metadata</source>
        <translation>App-Metadaten</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>Client id %1</source>
        <translation>Client-ID %1</translation>
    </message>
    <message>
        <source>No account (the app&apos;s own tokens)</source>
        <translation>Kein Konto (eigene Tokens der App)</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>every tenant</source>
        <translation>jeder Mandant</translation>
    </message>
    <message>
        <source>until revoked</source>
        <translation>bis zum Widerruf</translation>
    </message>
    <message>
        <source>Renews the access tokens until it is revoked or unused for 90 days</source>
        <translation>Erneuert die Zugriffstokens, bis es widerrufen wird oder 90 Tage ungenutzt bleibt</translation>
    </message>
</context>
<context>
    <name>tenantry::CacheWindow</name>
    <message>
        <source>It is removed from the shared token cache %1, from Tenantry&apos;s keychain copy and from any backup copy that holds it.</source>
        <translation>Es wird aus dem gemeinsamen Token-Cache %1, aus Tenantrys Kopie im Schlüsselbund und aus jeder Sicherungskopie entfernt, die es enthält.</translation>
    </message>
    <message>
        <source>They are removed from the shared token cache %1, from Tenantry&apos;s keychain copy and from any backup copy that holds them.</source>
        <translation>Sie werden aus dem gemeinsamen Token-Cache %1, aus Tenantrys Kopie im Schlüsselbund und aus jeder Sicherungskopie entfernt, die sie enthält.</translation>
    </message>
    <message>
        <source>Remove &amp;token…</source>
        <translation>&amp;Token entfernen …</translation>
    </message>
    <message>
        <source>Remove the app&apos;s tokens for this &amp;account…</source>
        <translation>Tokens der App für dieses &amp;Konto entfernen …</translation>
    </message>
    <message>
        <source>Remove the app&apos;s tokens for a&amp;ll accounts…</source>
        <translation>Tokens der App für &amp;alle Konten entfernen …</translation>
    </message>
    <message>
        <source>Shared Token Cache</source>
        <translation>Gemeinsamer Token-Cache</translation>
    </message>
    <message>
        <source>The tokens that az, Azure PowerShell, Visual Studio Code, Tenantry and other tools share in %1, app by app. No token itself is shown.</source>
        <translation>Die Tokens, die az, Azure PowerShell, Visual Studio Code, Tenantry und andere Werkzeuge in %1 teilen, App für App. Kein Token selbst wird angezeigt.</translation>
    </message>
    <message>
        <source>%1 gets a new one with its refresh token where it still holds one; where it does not, %1 will have to sign in again.</source>
        <translation>%1 holt sich mit seinem Aktualisierungstoken ein neues, wo es noch eines hat; wo nicht, muss sich %1 neu anmelden.</translation>
    </message>
    <message>
        <source>%1 will have to sign in again.</source>
        <translation>%1 muss sich neu anmelden.</translation>
    </message>
    <message>
        <source>Tenantry signs in as %1 too, so this applies to Tenantry as well.</source>
        <translation>Tenantry meldet sich ebenfalls als %1 an, dies gilt also auch für Tenantry.</translation>
    </message>
    <message>
        <source>%1&apos;s %2 for %3</source>
        <translation>%2 von %1 für %3</translation>
    </message>
    <message>
        <source>in the tenant %1</source>
        <translation>im Mandanten %1</translation>
    </message>
    <message>
        <source>(scopes: %1)</source>
        <translation>(Bereiche: %1)</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>%1 entfernen?</translation>
    </message>
    <message>
        <source>Remove this token?</source>
        <translation>Dieses Token entfernen?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove every token %1 holds for %2 (%n token(s))?</source>
        <translation>
            <numerusform>Jedes Token entfernen, das %1 für %2 hält (%n Token)?</numerusform>
            <numerusform>Jedes Token entfernen, das %1 für %2 hält (%n Tokens)?</numerusform>
        </translation>
    </message>
    <message>
        <source>The account stays for the other apps.</source>
        <translation>Das Konto bleibt für die anderen Apps erhalten.</translation>
    </message>
    <message>
        <source>Remove %1&apos;s tokens for %2?</source>
        <translation>Tokens von %1 für %2 entfernen?</translation>
    </message>
    <message numerus="yes">
        <source>Remove every token %1 holds, for all of its %n account(s)?</source>
        <translation>
            <numerusform>Jedes Token entfernen, das %1 hält, für sein %n Konto?</numerusform>
            <numerusform>Jedes Token entfernen, das %1 hält, für alle seine %n Konten?</numerusform>
        </translation>
    </message>
    <message>
        <source>The accounts stay for the other apps.</source>
        <translation>Die Konten bleiben für die anderen Apps erhalten.</translation>
    </message>
    <message>
        <source>Remove all of %1&apos;s tokens?</source>
        <translation>Alle Tokens von %1 entfernen?</translation>
    </message>
    <message>
        <source>Remove all</source>
        <translation>Alle entfernen</translation>
    </message>
    <message>
        <source>Nothing was removed: %1</source>
        <translation>Nichts wurde entfernt: %1</translation>
    </message>
    <message>
        <source>Nothing to remove: another program removed it already.</source>
        <translation>Nichts zu entfernen: Ein anderes Programm hat es bereits entfernt.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n token(s).</source>
        <translation>
            <numerusform>%n Token entfernt.</numerusform>
            <numerusform>%n Tokens entfernt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tenantry::CachedTokenLookup</name>
    <message>
        <source>User &apos;%1&apos; is not signed in.</source>
        <translation>Der Benutzer „%1“ ist nicht angemeldet.</translation>
    </message>
    <message>
        <source>No valid access token for &apos;%1&apos; in tenant %2 is cached.</source>
        <translation>Im Cache liegt kein gültiges Zugriffstoken für „%1“ im Mandanten %2.</translation>
    </message>
</context>
<context>
    <name>tenantry::CloudConfig</name>
    <message>
        <source>The cloud &apos;%1&apos; is not registered.</source>
        <translation>Die Cloud „%1“ ist nicht registriert.</translation>
    </message>
    <message>
        <source>The subscription &apos;%1&apos; of cloud &apos;%2&apos; cannot be written to %3.</source>
        <translation>Das Abonnement „%1“ der Cloud „%2“ kann nicht in %3 geschrieben werden.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an absolute URL with a host</source>
        <translation>„%1“ ist keine absolute URL mit Host</translation>
    </message>
    <message>
        <source>authorities must use https, not &apos;%1&apos;</source>
        <translation>Autoritäten müssen https verwenden, nicht „%1“</translation>
    </message>
    <message>
        <source>authorities must use https; http is allowed only for loopback hosts (localhost, 127.0.0.0/8, ::1), not &apos;%1&apos;</source>
        <translation>Autoritäten müssen https verwenden; http ist nur für Loopback-Hosts (localhost, 127.0.0.0/8, ::1) erlaubt, nicht für „%1“</translation>
    </message>
</context>
<context>
    <name>tenantry::ContextAz</name>
    <message>
        <source>%1 is not a subscription context of this user (contexts are removed once the shell they were made for has ended).</source>
        <translation>%1 ist kein Abonnement-Kontext dieses Benutzers (Kontexte werden entfernt, sobald die Shell beendet ist, für die sie angelegt wurden).</translation>
    </message>
    <message>
        <source>The Azure CLI (az) was not found on PATH.</source>
        <translation>Die Azure CLI (az) wurde im PATH nicht gefunden.</translation>
    </message>
    <message>
        <source>%1 is missing: no account is signed in.</source>
        <translation>%1 fehlt: Kein Konto ist angemeldet.</translation>
    </message>
    <message>
        <source>Cannot make the mounts of az&apos;s namespace private: %1</source>
        <translation>Die Einhängepunkte des Namensraums von az können nicht privat gemacht werden: %1</translation>
    </message>
    <message>
        <source>Cannot put the context&apos;s azureProfile.json in place of %1: %2</source>
        <translation>Die azureProfile.json des Kontexts kann nicht an die Stelle von %1 gesetzt werden: %2</translation>
    </message>
    <message>
        <source>Cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>A subscription for one shell needs Linux&apos;s user namespaces.</source>
        <translation>Ein Abonnement für eine einzelne Shell braucht die Benutzer-Namensräume von Linux.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The kernel does not let this user create a user namespace (%1), which a subscription for one shell needs. On Ubuntu 23.10 and later AppArmor restricts them (sysctl kernel.apparmor_restrict_unprivileged_userns); containers often forbid them too.</source>
        <translation>Der Kernel lässt diesen Benutzer keinen Benutzer-Namensraum anlegen (%1), den ein Abonnement für eine einzelne Shell braucht. Ab Ubuntu 23.10 schränkt AppArmor sie ein (sysctl kernel.apparmor_restrict_unprivileged_userns); Container verbieten sie oft ebenfalls.</translation>
    </message>
    <message>
        <source>The kernel refuses another user namespace (%1): see sysctl user.max_user_namespaces.</source>
        <translation>Der Kernel verweigert einen weiteren Benutzer-Namensraum (%1): siehe sysctl user.max_user_namespaces.</translation>
    </message>
    <message>
        <source>The kernel refuses a user namespace (%1), which a subscription for one shell needs.</source>
        <translation>Der Kernel verweigert einen Benutzer-Namensraum (%1), den ein Abonnement für eine einzelne Shell braucht.</translation>
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
    <message>
        <source>No terminal was found. Set the TERMINAL environment variable to your terminal program, or install one (x-terminal-emulator, gnome-terminal, konsole, xfce4-terminal or xterm).</source>
        <translation>Es wurde kein Terminal gefunden. Setzen Sie die Umgebungsvariable TERMINAL auf Ihr Terminalprogramm oder installieren Sie eines (x-terminal-emulator, gnome-terminal, konsole, xfce4-terminal oder xterm).</translation>
    </message>
    <message>
        <source>The terminal %1 could not be started.</source>
        <translation>Das Terminal %1 konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Opened a terminal in which az uses the subscription %1.</source>
        <translation>Ein Terminal wurde geöffnet, in dem az das Abonnement %1 verwendet.</translation>
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
    <name>tenantry::DeviceCodeFlow</name>
    <message>
        <source>The code %1 expired before the sign-in was completed.</source>
        <translation>Der Code %1 ist abgelaufen, bevor die Anmeldung abgeschlossen war.</translation>
    </message>
    <message>
        <source>The sign-in was declined.</source>
        <translation>Die Anmeldung wurde abgelehnt.</translation>
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
    <name>tenantry::EmbeddedSignInLoader</name>
    <message>
        <source>%1 is not Tenantry&apos;s sign-in plugin</source>
        <translation>%1 ist nicht das Anmelde-Plugin von Tenantry</translation>
    </message>
</context>
<context>
    <name>tenantry::EntraError</name>
    <message>
        <source>This tenant asks for multi-factor authentication: sign in to it again.</source>
        <translation>Dieser Mandant verlangt eine mehrstufige Authentifizierung: Melden Sie sich erneut bei ihm an.</translation>
    </message>
    <message>
        <source>This tenant asks you to set up multi-factor authentication: sign in to it again.</source>
        <translation>Dieser Mandant verlangt, dass Sie die mehrstufige Authentifizierung einrichten: Melden Sie sich erneut bei ihm an.</translation>
    </message>
    <message>
        <source>The multi-factor authentication for this tenant has expired: sign in to it again.</source>
        <translation>Die mehrstufige Authentifizierung für diesen Mandanten ist abgelaufen: Melden Sie sich erneut bei ihm an.</translation>
    </message>
    <message>
        <source>A Conditional Access policy of this tenant blocked the sign-in; its administrator can say why.</source>
        <translation>Eine Richtlinie für bedingten Zugriff dieses Mandanten hat die Anmeldung blockiert; sein Administrator kann sagen, warum.</translation>
    </message>
    <message>
        <source>This tenant allows access only from a device it manages and finds compliant.</source>
        <translation>Dieser Mandant erlaubt den Zugriff nur von einem Gerät, das er verwaltet und als konform einstuft.</translation>
    </message>
    <message>
        <source>The sign-in has expired or was revoked: sign in again.</source>
        <translation>Die Anmeldung ist abgelaufen oder wurde widerrufen: Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The app has no consent in this tenant: sign in and accept, or ask its administrator to consent.</source>
        <translation>Die App hat in diesem Mandanten keine Zustimmung: Melden Sie sich an und stimmen Sie zu, oder bitten Sie seinen Administrator um die Zustimmung.</translation>
    </message>
    <message>
        <source>The consent the app asked for was declined; nothing was signed in.</source>
        <translation>Die Zustimmung, um die die App gebeten hat, wurde abgelehnt; es wurde niemand angemeldet.</translation>
    </message>
    <message>
        <source>This account is not a user of this tenant, nor a guest in it.</source>
        <translation>Dieses Konto ist in diesem Mandanten weder Benutzer noch Gast.</translation>
    </message>
    <message>
        <source>This tenant does not know the app that signs in; its administrator may have removed it.</source>
        <translation>Dieser Mandant kennt die App nicht, mit der die Anmeldung erfolgt; sein Administrator hat sie womöglich entfernt.</translation>
    </message>
    <message>
        <source>Waiting for the sign-in to be finished.</source>
        <translation>Es wird gewartet, bis die Anmeldung abgeschlossen ist.</translation>
    </message>
    <message>
        <source>The browser had no sign-in for this account: sign in again.</source>
        <translation>Der Browser hatte keine Anmeldung für dieses Konto: Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The user name or password is not right.</source>
        <translation>Benutzername oder Kennwort ist nicht richtig.</translation>
    </message>
    <message>
        <source>The identity provider refused.</source>
        <translation>Der Identitätsanbieter hat abgelehnt.</translation>
    </message>
</context>
<context>
    <name>tenantry::EnvironmentProxies</name>
    <message>
        <source>it is not a proxy address</source>
        <translation>sie ist keine Proxy-Adresse</translation>
    </message>
    <message>
        <source>Tenantry can use only http:// and socks5:// proxies</source>
        <translation>Tenantry kann nur http://- und socks5://-Proxys verwenden</translation>
    </message>
    <message>
        <source>an unreadable address</source>
        <translation>eine unlesbare Adresse</translation>
    </message>
    <message>
        <source>%1 names the proxy %2, which cannot be used: %3. Requests that would go through it fail.</source>
        <translation>%1 nennt den Proxy %2, der nicht verwendet werden kann: %3. Anfragen, die über ihn gingen, schlagen fehl.</translation>
    </message>
</context>
<context>
    <name>tenantry::Error</name>
    <message>
        <source>Cancelled. Nothing was saved.</source>
        <translation>Abgebrochen. Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Timed out.</source>
        <translation>Zeitüberschreitung.</translation>
    </message>
    <message>
        <source>This account is not signed in.</source>
        <translation>Dieses Konto ist nicht angemeldet.</translation>
    </message>
    <message>
        <source>No subscription found.</source>
        <translation>Kein Abonnement gefunden.</translation>
    </message>
    <message>
        <source>This tenant asks for an interactive sign-in.</source>
        <translation>Dieser Mandant verlangt eine interaktive Anmeldung.</translation>
    </message>
    <message>
        <source>The sign-in has expired or was revoked.</source>
        <translation>Die Anmeldung ist abgelaufen oder wurde widerrufen.</translation>
    </message>
    <message>
        <source>The identity provider refused.</source>
        <translation>Der Identitätsanbieter hat abgelehnt.</translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation>Der Server war nicht erreichbar.</translation>
    </message>
    <message>
        <source>The server sent an answer that could not be read.</source>
        <translation>Der Server hat eine Antwort gesendet, die nicht gelesen werden konnte.</translation>
    </message>
    <message>
        <source>Tenantry could not read or write its data.</source>
        <translation>Tenantry konnte seine Daten nicht lesen oder schreiben.</translation>
    </message>
    <message>
        <source>That is not valid.</source>
        <translation>Das ist nicht gültig.</translation>
    </message>
</context>
<context>
    <name>tenantry::FileLock</name>
    <message>
        <source>it is not a regular file</source>
        <translation>sie ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>it has other hard links</source>
        <translation>sie hat weitere harte Links</translation>
    </message>
    <message>
        <source>it is a symbolic link</source>
        <translation>sie ist ein symbolischer Link</translation>
    </message>
    <message>
        <source>it belongs to another user</source>
        <translation>sie gehört einem anderen Benutzer</translation>
    </message>
    <message>
        <source>Refusing to use the lock file %1: %2. Nothing was written to it; remove it if no program of yours is using it</source>
        <translation>Die Sperrdatei %1 wird nicht verwendet: %2. Es wurde nichts hineingeschrieben; entfernen Sie sie, wenn keines Ihrer Programme sie verwendet</translation>
    </message>
    <message>
        <source>Cannot create the lock file %1: %2</source>
        <translation>Die Sperrdatei %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot open the lock file %1: %2</source>
        <translation>Die Sperrdatei %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot lock the lock file %1: %2</source>
        <translation>Die Sperrdatei %1 kann nicht gesperrt werden: %2</translation>
    </message>
    <message>
        <source> (held by %1)</source>
        <translation> (gehalten von %1)</translation>
    </message>
    <message>
        <source>Timed out after %1 s waiting for the lock file %2%3; another program is using the token cache</source>
        <translation>Nach %1 s Warten auf die Sperrdatei %2%3 abgebrochen; ein anderes Programm verwendet den Token-Cache</translation>
    </message>
</context>
<context>
    <name>tenantry::GitSetupRow</name>
    <message>
        <source>Set &amp;up git</source>
        <translation>git &amp;einrichten</translation>
    </message>
    <message>
        <source>Adds tenantry-cli as git&apos;s credential helper for dev.azure.com and *.visualstudio.com to your global git configuration, in place of any other helper for them.</source>
        <translation>Trägt tenantry-cli in Ihrer globalen git-Konfiguration als Credential-Helper für dev.azure.com und *.visualstudio.com ein, anstelle jedes anderen Helpers für diese Adressen.</translation>
    </message>
    <message>
        <source>tenantry-cli, which git would run, is not installed beside Tenantry (%1).</source>
        <translation>tenantry-cli, das git ausführen würde, ist nicht neben Tenantry installiert (%1).</translation>
    </message>
    <message>
        <source>Checking git&apos;s configuration…</source>
        <translation>git-Konfiguration wird geprüft …</translation>
    </message>
    <message>
        <source>Setting up git…</source>
        <translation>git wird eingerichtet …</translation>
    </message>
    <message>
        <source>git&apos;s configuration could not be read or changed: %1</source>
        <translation>Die git-Konfiguration konnte nicht gelesen oder geändert werden: %1</translation>
    </message>
    <message>
        <source>git asks Tenantry for Azure Repos credentials (dev.azure.com, *.visualstudio.com).</source>
        <translation>git fragt Tenantry nach Anmeldedaten für Azure Repos (dev.azure.com, *.visualstudio.com).</translation>
    </message>
    <message>
        <source>git does not ask Tenantry for Azure Repos credentials.</source>
        <translation>git fragt Tenantry nicht nach Anmeldedaten für Azure Repos.</translation>
    </message>
</context>
<context>
    <name>tenantry::HttpClient</name>
    <message>
        <source>%1: the answer is larger than %2; it was not read.</source>
        <translation>%1: Die Antwort ist größer als %2; sie wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>%1: no complete answer within %2 s.</source>
        <translation>%1: keine vollständige Antwort innerhalb von %2 s.</translation>
    </message>
    <message>
        <source>an unreadable address</source>
        <translation>eine unlesbare Adresse</translation>
    </message>
    <message>
        <source>%1 answered the sign-in request with a redirect (HTTP %2) to %3; sign-in requests are never redirected, so it was not followed.</source>
        <translation>%1 hat die Anmeldeanfrage mit einer Umleitung (HTTP %2) auf %3 beantwortet; Anmeldeanfragen werden nie umgeleitet, daher wurde ihr nicht gefolgt.</translation>
    </message>
    <message>
        <source>%1 redirected the request (HTTP %2) to another server, %3; it was not followed, so no credential was sent there.</source>
        <translation>%1 hat die Anfrage (HTTP %2) auf einen anderen Server umgeleitet, %3; der Umleitung wurde nicht gefolgt, daher wurden dorthin keine Anmeldedaten gesendet.</translation>
    </message>
    <message>
        <source>%1 redirected the request more than %2 times.</source>
        <translation>%1 hat die Anfrage mehr als %2-mal umgeleitet.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 and asked to wait %3 s before trying again, longer than the %4 s Tenantry waits.</source>
        <translation>%1 antwortete mit HTTP %2 und bat, %3 s bis zum nächsten Versuch zu warten, länger als die %4 s, die Tenantry wartet.</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <source>%1 (through the proxy %2)</source>
        <translation>%1 (über den Proxy %2)</translation>
    </message>
</context>
<context>
    <name>tenantry::IniFile</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>tenantry::Json</name>
    <message>
        <source>it is larger than %1</source>
        <translation>sie ist größer als %1</translation>
    </message>
    <message>
        <source>it nests arrays or objects more than %1 levels deep</source>
        <translation>sie verschachtelt Arrays oder Objekte mehr als %1 Ebenen tief</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>the file is not valid JSON (truncated or corrupt)</source>
        <translation>die Datei ist kein gültiges JSON (abgeschnitten oder beschädigt)</translation>
    </message>
</context>
<context>
    <name>tenantry::KeychainInStepMarker</name>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>%1 kann nicht gelöscht werden: %2</translation>
    </message>
</context>
<context>
    <name>tenantry::KeychainStore</name>
    <message>
        <source>read</source>
        <translation>lesen</translation>
    </message>
    <message>
        <source>save</source>
        <translation>speichern</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message>
        <source>The keychain item %1 is damaged (its chunk header cannot be read).</source>
        <translation>Der Schlüsselbund-Eintrag %1 ist beschädigt (sein Abschnittskopf kann nicht gelesen werden).</translation>
    </message>
    <message>
        <source>The keychain item %1 is inconsistent (its %2 chunks do not add up; a write was probably interrupted).</source>
        <translation>Der Schlüsselbund-Eintrag %1 ist widersprüchlich (seine %2 Abschnitte passen nicht zusammen; vermutlich wurde ein Schreibvorgang unterbrochen).</translation>
    </message>
    <message>
        <source>The keychain item %1 is incomplete (chunk %2 of %3 is missing).</source>
        <translation>Der Schlüsselbund-Eintrag %1 ist unvollständig (Abschnitt %2 von %3 fehlt).</translation>
    </message>
    <message>
        <source>No keychain service answered (%1 has not replied to an earlier request).</source>
        <translation>Kein Schlüsselbunddienst hat geantwortet (%1 hat auf eine frühere Anfrage nicht geantwortet).</translation>
    </message>
    <message>
        <source>No keychain service answered (%1).</source>
        <translation>Kein Schlüsselbunddienst hat geantwortet (%1).</translation>
    </message>
    <message>
        <source>The keychain refused access; it may be locked (%1).</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert; vielleicht ist er gesperrt (%1).</translation>
    </message>
    <message>
        <source>No keychain service answered (%1: %2).</source>
        <translation>Kein Schlüsselbunddienst hat geantwortet (%1: %2).</translation>
    </message>
    <message>
        <source>The keychain (%1) could not %2 an item: %3</source>
        <translation>Der Schlüsselbund (%1) konnte einen Eintrag nicht %2: %3</translation>
    </message>
    <message>
        <source>The keychain (%1) could not delete an item: %2</source>
        <translation>Der Schlüsselbund (%1) konnte einen Eintrag nicht löschen: %2</translation>
    </message>
    <message>
        <source>No keychain service answered (%1 did not reply within %2 s).</source>
        <translation>Kein Schlüsselbunddienst hat geantwortet (%1 hat nicht innerhalb von %2 s geantwortet).</translation>
    </message>
    <message>
        <source>No keychain service answered (Tenantry&apos;s keychain module could not be loaded: %1).</source>
        <translation>Kein Schlüsselbunddienst hat geantwortet (das Schlüsselbund-Modul von Tenantry konnte nicht geladen werden: %1).</translation>
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
    <name>tenantry::LoopbackRedirectListener</name>
    <message>
        <source>Cannot listen for the sign-in redirect: other programs hold each port tried on 127.0.0.1 or ::1.</source>
        <translation>Auf die Weiterleitung der Anmeldung kann nicht gewartet werden: Andere Programme belegen jeden versuchten Port auf 127.0.0.1 und ::1.</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1 for the sign-in redirect: %1</source>
        <translation>Auf 127.0.0.1 kann nicht auf die Weiterleitung der Anmeldung gewartet werden: %1</translation>
    </message>
    <message>
        <source>Cannot listen on ::1 for the sign-in redirect: %1</source>
        <translation>Auf ::1 kann nicht auf die Weiterleitung der Anmeldung gewartet werden: %1</translation>
    </message>
    <message>
        <source>Could not open a web browser.</source>
        <translation>Es konnte kein Webbrowser geöffnet werden.</translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation>Zeitüberschreitung der Anfrage</translation>
    </message>
    <message>
        <source>Request too large</source>
        <translation>Anfrage zu groß</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Ungültige Anfrage</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>Methode nicht erlaubt</translation>
    </message>
    <message>
        <source>No sign-in is waiting</source>
        <translation>Es wartet keine Anmeldung</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>The sign-in was stopped: a request for a sign-in start page Tenantry never opened reached it.</source>
        <translation>Die Anmeldung wurde gestoppt: Eine Anfrage nach einer Anmelde-Startseite, die Tenantry nie geöffnet hat, hat Tenantry erreicht.</translation>
    </message>
    <message>
        <source>The sign-in was stopped: its start page was requested a second time.</source>
        <translation>Die Anmeldung wurde gestoppt: Ihre Startseite wurde ein zweites Mal angefordert.</translation>
    </message>
    <message>
        <source>The sign-in was stopped: a sign-in response that does not belong to this sign-in (state mismatch) reached Tenantry.</source>
        <translation>Die Anmeldung wurde gestoppt: Eine Anmeldeantwort, die nicht zu dieser Anmeldung gehört (state stimmt nicht überein), hat Tenantry erreicht.</translation>
    </message>
    <message>
        <source>Signed in to Tenantry</source>
        <translation>Bei Tenantry angemeldet</translation>
    </message>
    <message>
        <source>You can close this window and return to Tenantry.</source>
        <translation>Sie können dieses Fenster schließen und zu Tenantry zurückkehren.</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 You can close this window.</source>
        <translation>%1 Sie können dieses Fenster schließen.</translation>
    </message>
    <message>
        <source>Sign-in stopped</source>
        <translation>Anmeldung gestoppt</translation>
    </message>
    <message>
        <source>Tenantry stopped this sign-in because another program may be trying to take it over. Start the sign-in again in Tenantry.</source>
        <translation>Tenantry hat diese Anmeldung gestoppt, weil möglicherweise ein anderes Programm versucht, sie zu übernehmen. Starten Sie die Anmeldung in Tenantry erneut.</translation>
    </message>
    <message>
        <source>Another program on this computer may be trying to take over the sign-in. Sign in again.</source>
        <translation>Möglicherweise versucht ein anderes Programm auf diesem Computer, die Anmeldung zu übernehmen. Melden Sie sich erneut an.</translation>
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
    <message>
        <source>See which apps hold tokens for which account, and remove them</source>
        <translation>Sehen, welche Apps Tokens für welches Konto halten, und sie entfernen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Shared &amp;token cache…</source>
        <translation>&amp;Gemeinsamer Token-Cache …</translation>
    </message>
</context>
<context>
    <name>tenantry::ManagedIdentityEndpoint</name>
    <message>
        <source>Cannot listen on 127.0.0.1 for the token endpoint: %1</source>
        <translation>Der Token-Endpunkt kann nicht auf 127.0.0.1 lauschen: %1</translation>
    </message>
</context>
<context>
    <name>tenantry::MsalCache</name>
    <message>
        <source>the file holds JSON but not a token cache object</source>
        <translation>die Datei enthält JSON, aber kein Token-Cache-Objekt</translation>
    </message>
    <message>
        <source>its &quot;%1&quot; section is not a JSON object</source>
        <translation>ihr Abschnitt „%1“ ist kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>tenantry::MsalCacheFile</name>
    <message>
        <source>Cannot read the token cache file %1: %2</source>
        <translation>Die Token-Cache-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The token cache file %1 cannot be read: %2. It was left as it is.</source>
        <translation>Die Token-Cache-Datei %1 kann nicht gelesen werden: %2. Sie blieb unverändert.</translation>
    </message>
    <message>
        <source>%1.bak through %1.bak.%2 all exist</source>
        <translation>%1.bak bis %1.bak.%2 existieren alle bereits</translation>
    </message>
    <message>
        <source>Cannot delete the %1 %2: %3</source>
        <translation>Die %1 %2 kann nicht gelöscht werden: %3</translation>
    </message>
    <message>
        <source>temporary token cache file</source>
        <translation>temporäre Token-Cache-Datei</translation>
    </message>
    <message>
        <source>token cache backup</source>
        <translation>Sicherungskopie des Token-Caches</translation>
    </message>
    <message>
        <source>The token cache file %1 was not changed: %2</source>
        <translation>Die Token-Cache-Datei %1 wurde nicht geändert: %2</translation>
    </message>
    <message>
        <source>. Nothing was written.</source>
        <translation>. Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The token cache file %1 was not changed: its current content could not be kept aside first (%2)</source>
        <translation>Die Token-Cache-Datei %1 wurde nicht geändert: Ihr aktueller Inhalt konnte vorher nicht beiseitegelegt werden (%2)</translation>
    </message>
    <message>
        <source>The token cache file %1 was not deleted: %2</source>
        <translation>Die Token-Cache-Datei %1 wurde nicht gelöscht: %2</translation>
    </message>
    <message>
        <source>token cache file</source>
        <translation>Token-Cache-Datei</translation>
    </message>
    <message>
        <source>Cannot read the token cache backup %1 to see whether it holds a removed account: %2</source>
        <translation>Die Sicherungskopie des Token-Caches %1 kann nicht gelesen werden, um zu prüfen, ob sie ein entferntes Konto enthält: %2</translation>
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
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
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
    <message>
        <source>Set by the environment variable TENANTRY_STORAGE_MODE; unset it to choose here.</source>
        <translation>Durch die Umgebungsvariable TENANTRY_STORAGE_MODE festgelegt; entfernen Sie sie, um hier zu wählen.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Other tools</source>
        <translation>Andere Werkzeuge</translation>
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
    <message>
        <source>The built-in sign-in window is not available (%1). Sign in in your web browser; Tenantry continues when you are done.</source>
        <translation>Das eingebaute Anmeldefenster ist nicht verfügbar (%1). Melden Sie sich in Ihrem Webbrowser an; Tenantry fährt fort, sobald Sie fertig sind.</translation>
    </message>
    <message>
        <source>The built-in sign-in window is not available (%1), nor a web browser: sign in with the code instead.</source>
        <translation>Weder das eingebaute Anmeldefenster (%1) noch ein Webbrowser ist verfügbar: Melden Sie sich stattdessen mit dem Code an.</translation>
    </message>
    <message>
        <source>Waiting for you to enter the code and sign in…</source>
        <translation>Warten, bis Sie den Code eingeben und sich anmelden …</translation>
    </message>
</context>
<context>
    <name>tenantry::SignInService</name>
    <message>
        <source>Signed in, but the tokens could not be stored: %1</source>
        <translation>Angemeldet, aber die Token konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>%1 is not signed in.</source>
        <translation>%1 ist nicht angemeldet.</translation>
    </message>
    <message>
        <source>%1 was signed out meanwhile; nothing was saved.</source>
        <translation>%1 wurde inzwischen abgemeldet; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>No subscriptions found for %1.</source>
        <translation>Für %1 wurden keine Abonnements gefunden.</translation>
    </message>
    <message>
        <source>Some tenants need an interactive sign-in first.</source>
        <translation>Einige Mandanten brauchen zuerst eine interaktive Anmeldung.</translation>
    </message>
</context>
<context>
    <name>tenantry::SignInWebPage</name>
    <message>
        <source>The sign-in page of %1 was not loaded: its certificate is not trusted (%2).</source>
        <translation>Die Anmeldeseite von %1 wurde nicht geladen: ihrem Zertifikat wird nicht vertraut (%2).</translation>
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
    <name>tenantry::SubscriptionContext</name>
    <message>
        <source>%1 is missing.</source>
        <translation>%1 fehlt.</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a directory of this user; contexts are not made there.</source>
        <translation>%1 ist kein Verzeichnis dieses Benutzers; dort werden keine Kontexte angelegt.</translation>
    </message>
    <message>
        <source>Cannot make %1 private: %2</source>
        <translation>%1 kann nicht privat gemacht werden: %2</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>%1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>tenantry::TenantChoiceController</name>
    <message numerus="yes">
        <source>%1: %n tenant(s) hidden.</source>
        <translation>
            <numerusform>%1: %n Mandant ausgeblendet.</numerusform>
            <numerusform>%1: %n Mandanten ausgeblendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You have %n tenant(s). Choose the ones you work in: Tenantry keeps only those signed in and asks you to sign in again only for them.</source>
        <translation>
            <numerusform>Sie haben %n Mandanten. Wählen Sie die, in denen Sie arbeiten: Tenantry hält nur diese angemeldet und bittet nur für sie um eine neue Anmeldung.</numerusform>
            <numerusform>Sie haben %n Mandanten. Wählen Sie die, in denen Sie arbeiten: Tenantry hält nur diese angemeldet und bittet nur für sie um eine neue Anmeldung.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tenantry::TenantChoiceDialog</name>
    <message>
        <source>Choose Tenants</source>
        <translation>Mandanten auswählen</translation>
    </message>
    <message>
        <source>Tenants of %1:</source>
        <translation>Mandanten von %1:</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>Tenant ID</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <source>Unchecked tenants are hidden: Tenantry does not refresh them or ask you to sign in to them, and adds none of their subscriptions to the Azure CLI&apos;s list. Signing in to a tenant checks it again.</source>
        <translation>Nicht angehakte Mandanten werden ausgeblendet: Tenantry aktualisiert sie nicht, bittet nicht um eine Anmeldung bei ihnen und fügt keines ihrer Abonnements der Liste der Azure CLI hinzu. Eine Anmeldung bei einem Mandanten hakt ihn wieder an.</translation>
    </message>
    <message>
        <source>Check &amp;All</source>
        <translation>&amp;Alle anhaken</translation>
    </message>
    <message>
        <source>Check &amp;None</source>
        <translation>&amp;Keinen anhaken</translation>
    </message>
</context>
<context>
    <name>tenantry::TenantDiscovery</name>
    <message>
        <source>Could not list the tenants of %1: %2</source>
        <translation>Die Mandanten von %1 konnten nicht aufgelistet werden: %2</translation>
    </message>
</context>
<context>
    <name>tenantry::TokenCacheService</name>
    <message>
        <source>No keychain service answered.</source>
        <translation>Kein Schlüsselbunddienst hat geantwortet.</translation>
    </message>
    <message>
        <source>%1 Keychain-only mode writes no token file: new tokens are kept in memory only until Tenantry quits.</source>
        <translation>%1 Im Modus „Nur Schlüsselbund“ wird keine Token-Datei geschrieben: Neue Token werden nur im Arbeitsspeicher gehalten, bis Tenantry beendet wird.</translation>
    </message>
    <message>
        <source>%1 Tokens are kept in %2 only.</source>
        <translation>%1 Die Token werden nur in %2 aufbewahrt.</translation>
    </message>
    <message>
        <source>No keychain service answered (no keychain support configured).</source>
        <translation>Kein Schlüsselbunddienst hat geantwortet (keine Schlüsselbund-Unterstützung eingerichtet).</translation>
    </message>
    <message>
        <source>The keychain item %1 does not hold a token cache Tenantry can read; it will be replaced.</source>
        <translation>Der Schlüsselbund-Eintrag %1 enthält keinen Token-Cache, den Tenantry lesen kann; er wird ersetzt.</translation>
    </message>
    <message>
        <source>The keychain could not be read (%1).</source>
        <translation>Der Schlüsselbund konnte nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>The token cache file %1 was not changed: another program kept rewriting it.</source>
        <translation>Die Token-Cache-Datei %1 wurde nicht geändert: Ein anderes Programm hat sie immer wieder neu geschrieben.</translation>
    </message>
    <message>
        <source>The token cache file %1 could not be read as a token cache; it was kept as %2 and rewritten from the keychain copy.</source>
        <translation>Die Token-Cache-Datei %1 konnte nicht als Token-Cache gelesen werden; sie wurde als %2 aufbewahrt und aus der Kopie im Schlüsselbund neu geschrieben.</translation>
    </message>
    <message>
        <source>%1 The keychain copy is used.</source>
        <translation>%1 Die Kopie im Schlüsselbund wird verwendet.</translation>
    </message>
    <message>
        <source>%1 The tokens were saved in the keychain; az and other tools will not see the change until the file can be written.</source>
        <translation>%1 Die Token wurden im Schlüsselbund gespeichert; az und andere Werkzeuge sehen die Änderung erst, wenn die Datei geschrieben werden kann.</translation>
    </message>
    <message>
        <source>The token cache was not saved: %1 %2</source>
        <translation>Der Token-Cache wurde nicht gespeichert: %1 %2</translation>
    </message>
    <message>
        <source>The token cache could not be saved to the keychain (%1); %2 has the current tokens and the keychain copy is older.</source>
        <translation>Der Token-Cache konnte nicht im Schlüsselbund gespeichert werden (%1); %2 enthält die aktuellen Token, die Kopie im Schlüsselbund ist älter.</translation>
    </message>
    <message>
        <source>%1 Nothing was saved.</source>
        <translation>%1 Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>The token cache file %1 could not be read as a token cache; it was kept as %2 and replaced.</source>
        <translation>Die Token-Cache-Datei %1 konnte nicht als Token-Cache gelesen werden; sie wurde als %2 aufbewahrt und ersetzt.</translation>
    </message>
    <message>
        <source>The keychain item %1 was neither read nor changed: %2</source>
        <translation>Der Schlüsselbund-Eintrag %1 wurde weder gelesen noch geändert: %2</translation>
    </message>
    <message>
        <source>The token cache could not be saved to the keychain item %1 (%2).</source>
        <translation>Der Token-Cache konnte nicht im Schlüsselbund-Eintrag %1 gespeichert werden (%2).</translation>
    </message>
    <message>
        <source>%1 The imported tokens are still in %2.</source>
        <translation>%1 Die importierten Token sind weiterhin in %2.</translation>
    </message>
    <message>
        <source>Imported the tokens in %1 into the keychain. The file was not deleted (az still reads it); delete it if no plaintext tokens should stay on disk.</source>
        <translation>Die Token aus %1 wurden in den Schlüsselbund importiert. Die Datei wurde nicht gelöscht (az liest sie weiterhin); löschen Sie sie, wenn keine Token im Klartext auf der Festplatte bleiben sollen.</translation>
    </message>
    <message>
        <source>Cannot delete the token cache file %1.</source>
        <translation>Die Token-Cache-Datei %1 kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>%1 The keychain copy of the tokens, if any, could not be removed.</source>
        <translation>%1 Die Kopie der Token im Schlüsselbund, falls vorhanden, konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>The keychain item %1 could not be removed (%2).</source>
        <translation>Der Schlüsselbund-Eintrag %1 konnte nicht entfernt werden (%2).</translation>
    </message>
    <message>
        <source>Tenantry&apos;s client id is not known</source>
        <translation>die Client-ID von Tenantry ist nicht bekannt</translation>
    </message>
    <message>
        <source>they are not safely in the keychain</source>
        <translation>sie liegen nicht sicher im Schlüsselbund</translation>
    </message>
    <message>
        <source>The tokens in %1 were not removed: %2.</source>
        <translation>Die Token in %1 wurden nicht entfernt: %2.</translation>
    </message>
    <message>
        <source>The tokens Tenantry copied into the keychain are still in %1: %2</source>
        <translation>Die Token, die Tenantry in den Schlüsselbund kopiert hat, sind weiterhin in %1: %2</translation>
    </message>
    <message>
        <source>Removed %1 tokens that the keychain now holds from %2 and deleted %3 backup copies of it; az needs to sign in again for those accounts.</source>
        <translation>%1 Token, die jetzt im Schlüsselbund liegen, wurden aus %2 entfernt und %3 Sicherungskopien davon gelöscht; az muss sich für diese Konten neu anmelden.</translation>
    </message>
    <message>
        <source>%1 still holds tokens in plaintext. Tenantry no longer writes it; az still reads it. Delete it if no plaintext tokens should stay on disk.</source>
        <translation>%1 enthält weiterhin Token im Klartext. Tenantry schreibt die Datei nicht mehr; az liest sie weiterhin. Löschen Sie sie, wenn keine Token im Klartext auf der Festplatte bleiben sollen.</translation>
    </message>
</context>
<context>
    <name>tenantry::TokenClient</name>
    <message>
        <source>the page to enter the code on, &apos;%1&apos;, is not safe: %2</source>
        <translation>die Seite zur Eingabe des Codes, „%1“, ist nicht sicher: %2</translation>
    </message>
    <message>
        <source>the page to enter the code on is on %1, which is neither %2 nor a Microsoft device login page; the code was not shown</source>
        <translation>die Seite zur Eingabe des Codes liegt auf %1, das weder %2 noch eine Microsoft-Geräteanmeldeseite ist; der Code wurde nicht angezeigt</translation>
    </message>
    <message>
        <source>The identity provider&apos;s answer was not a device code.</source>
        <translation>Die Antwort des Identitätsanbieters war kein Gerätecode.</translation>
    </message>
    <message>
        <source>The identity provider sent no device code.</source>
        <translation>Der Identitätsanbieter hat keinen Gerätecode gesendet.</translation>
    </message>
    <message>
        <source>To sign in, use a web browser to open the page %1 and enter the code %2 to authenticate.</source>
        <translation>Öffnen Sie zum Anmelden die Seite %1 in einem Webbrowser und geben Sie zur Authentifizierung den Code %2 ein.</translation>
    </message>
    <message>
        <source>Could not start the device code sign-in: %1</source>
        <translation>Die Anmeldung mit Gerätecode konnte nicht gestartet werden: %1</translation>
    </message>
</context>
<context>
    <name>tenantry::TokenCopyController</name>
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
        <source>Sign in again from the Account menu.</source>
        <translation>Melden Sie sich über das Menü „Konto“ erneut an.</translation>
    </message>
    <message>
        <source>Could not copy a token</source>
        <translation>Token konnte nicht kopiert werden</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
</context>
<context>
    <name>tenantry::TokenGrantResult</name>
    <message>
        <source>The identity provider did not answer (HTTP %1).</source>
        <translation>Der Identitätsanbieter hat nicht geantwortet (HTTP %1).</translation>
    </message>
    <message>
        <source>The identity provider&apos;s answer was not a token response (HTTP %1).</source>
        <translation>Die Antwort des Identitätsanbieters war keine Token-Antwort (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>tenantry::TokenProvider</name>
    <message>
        <source>No refresh token is cached for %1: sign in again.</source>
        <translation>Für %1 liegt kein Aktualisierungstoken im Cache: Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The sign-in of %1 has expired or was revoked: sign in again.</source>
        <translation>Die Anmeldung von %1 ist abgelaufen oder wurde widerrufen: Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The sign-in of %1 is held by the broker az signed in with; no valid access token for %2 in tenant %3 is cached, and only az can get a new one.</source>
        <translation>Die Anmeldung von %1 liegt beim Broker, mit dem sich az angemeldet hat; für %2 im Mandanten %3 ist kein gültiges Zugriffstoken zwischengespeichert, und nur az kann ein neues holen.</translation>
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
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>Mehr …</translation>
    </message>
    <message>
        <source>Find one of the %1 subscriptions in %2 tenants in Tenantry&apos;s window</source>
        <translation>Eines der %1 Abonnements in %2 Mandanten im Fenster von Tenantry suchen</translation>
    </message>
</context>
<context>
    <name>tenantry::TrustRoots</name>
    <message>
        <source>it does not exist</source>
        <translation>sie existiert nicht</translation>
    </message>
    <message>
        <source>it holds no PEM certificate</source>
        <translation>sie enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>%1 names the CA bundle %2, which cannot be used: %3. No certificate of it is trusted; HTTPS servers are verified against the system&apos;s certificate authorities only.</source>
        <translation>%1 nennt das CA-Bündel %2, das nicht verwendet werden kann: %3. Keinem seiner Zertifikate wird vertraut; HTTPS-Server werden nur gegen die Zertifizierungsstellen des Systems geprüft.</translation>
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
