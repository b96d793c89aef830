<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>main</name>
    <message>
        <source>Active subscription: %1</source>
        <translation>Aktives Abonnement: %1</translation>
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
        <source>Azure Resource Manager</source>
        <translation>Azure Resource Manager</translation>
    </message>
    <message>
        <source>Microsoft Graph</source>
        <translation>Microsoft Graph</translation>
    </message>
    <message>
        <source>Key Vault</source>
        <translation>Key Vault</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Storage</translation>
    </message>
    <message>
        <source>Azure DevOps</source>
        <translation>Azure DevOps</translation>
    </message>
    <message>
        <source>Copy &amp;token</source>
        <translation>&amp;Token kopieren</translation>
    </message>
    <message>
        <source>Custom scope…</source>
        <translation>Eigener Bereich (Scope) …</translation>
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
