"""Starter text of the privacy notice, written for what Kalan actually does.

`load_privacy_notice` writes it once (French, English, Bambara); after that, administrators own
the text in the Wagtail admin. The Bambara page is like the starter curriculum's Bambara lessons:
a short Bambara summary of the key points, marked (on the page and in search_description) as
to be reviewed by a Bambara speaker, then the full French text under lang="fr".

Nothing here invents a contact detail: who is responsible for the data, and the regulator's
details, are marked "to verify" until an administrator fills in and dates them. The period after which inactive accounts are deleted is
not written here: the page shows the configured value (KALAN_INACTIVE_ACCOUNT_DAYS).
"""

PRIVACY_NOTICE = {
    "fr": {
        "title": "Tes données personnelles",
        "slug": "confidentialite",
        "body": (
            "<p>Kalan est un site pour apprendre à reconnaître les deepfakes, à réagir au chantage "
            "en ligne et à protéger sa vie privée. Nous gardons le moins possible d'informations sur toi. "
            "Voici lesquelles, pourquoi, qui les voit, combien de temps, et comment les récupérer ou les effacer.</p>"
            "<h2>Ce que nous gardons</h2>"
            "<ul>"
            "<li><b>Ton compte :</b> ton nom d'utilisateur, ton mot de passe (chiffré : personne ne peut le lire), "
            "le nom affiché que tu choisis, le nom sur tes certificats (tes initiales si tu ne mets rien) "
            "et ta langue.</li>"
            "<li><b>Pas besoin d'adresse e-mail ni de date de naissance</b> pour un·e élève. "
            "Les enseignant·es donnent une adresse e-mail pour confirmer qui ils sont.</li>"
            "<li><b>Ce que tu fais sur le site :</b> les leçons commencées et terminées, tes essais aux quiz "
            "et tes réponses (y compris tes réflexions personnelles), tes résultats aux activités interactives, "
            "tes certificats et les classes que tu as rejointes.</li>"
            "<li><b>Un cookie de connexion</b> pour que tu restes connecté·e, et un cookie de sécurité pour les "
            "formulaires. Pas de publicité, pas de pisteur, rien n'est chargé depuis d'autres sites. "
            "La page « Besoin d'aide ? » ne dépose aucun cookie.</li>"
            "</ul>"
            "<h2>Pourquoi</h2>"
            "<p>Pour que tu retrouves ta progression, pour corriger tes quiz, pour te donner un certificat, "
            "et pour que ton enseignant·e puisse suivre la classe. Rien d'autre : nous ne vendons rien "
            "et ne partageons rien avec des publicitaires.</p>"
            "<h2>Qui voit quoi</h2>"
            "<ul>"
            "<li><b>Toi</b> : tout ce qui te concerne, depuis « Mon compte ».</li>"
            "<li><b>Ton enseignant·e</b> (pour les classes que tu as rejointes) : ton nom affiché, ta progression, "
            "tes scores et tes certificats. La coordination de ton école voit les classes de l'école.</li>"
            "<li><b>Tes réponses aux questions de réflexion personnelle</b> ne sont montrées aux enseignant·es "
            "que regroupées avec celles de toute la classe, jamais avec ton nom.</li>"
            "<li><b>Quelqu'un qui vérifie un de tes certificats</b> voit s'il est valide, le module, la date "
            "et le nom que tu as choisi (tes initiales par défaut).</li>"
            "<li><b>Les administrateurs du site</b>, seulement pour le faire fonctionner.</li>"
            "</ul>"
            "<h2>Combien de temps</h2>"
            "<p>Tant que tu utilises ton compte. Un compte d'élève qui n'est plus utilisé est effacé "
            "automatiquement après la durée indiquée plus bas. Quand un compte est effacé, ses données "
            "le sont aussi.</p>"
            "<h2>Tes droits : voir, emporter, corriger, effacer</h2>"
            "<ul>"
            "<li>Dans <b>« Mon compte »</b>, tu peux voir toutes tes données, les télécharger (fichier JSON), "
            "corriger tes noms, et <b>effacer ton compte</b>. Si tu le souhaites, tes certificats restent "
            "vérifiables, sans ton nom.</li>"
            "<li>Si ton compte a été créé par ton enseignant·e, il ou elle peut aussi le faire pour toi.</li>"
            "<li>Pour une question ou une réclamation, écris aux responsables du site (coordonnées plus bas). "
            "Au Mali, tu peux aussi t'adresser à l'<b>Autorité de protection des données à caractère personnel "
            "(APDP)</b>, qui veille au respect de la loi n°2013-015 sur la protection des données personnelles "
            "(coordonnées : à vérifier).</li>"
            "</ul>"
        ),
    },
    "en": {
        "title": "Your personal data",
        "slug": "privacy",
        "body": (
            "<p>Kalan is a site for learning to recognise deepfakes, to respond to online blackmail and to "
            "protect your privacy. We keep as little information about you as we can. Here is what, why, "
            "who sees it, for how long, and how to take it with you or erase it.</p>"
            "<h2>What we keep</h2>"
            "<ul>"
            "<li><b>Your account:</b> your username, your password (encrypted: nobody can read it), the display "
            "name you choose, the name on your certificates (your initials if you leave it empty) and your "
            "language.</li>"
            "<li><b>No e-mail address and no date of birth are needed</b> for pupils. Teachers give an e-mail "
            "address to confirm who they are.</li>"
            "<li><b>What you do on the site:</b> lessons started and completed, your quiz attempts and answers "
            "(personal reflections included), your results in interactive activities, your certificates and "
            "the classes you joined.</li>"
            "<li><b>A sign-in cookie</b> to keep you signed in, and a security cookie for forms. No advertising, "
            "no trackers, nothing loaded from other sites. The “Need help?” page sets no cookie.</li>"
            "</ul>"
            "<h2>Why</h2>"
            "<p>So that you find your progress again, your quizzes are marked, you get a certificate, and your "
            "teacher can follow the class. Nothing else: we sell nothing and share nothing with advertisers.</p>"
            "<h2>Who sees what</h2>"
            "<ul>"
            "<li><b>You</b>: everything about you, from “My account”.</li>"
            "<li><b>Your teacher</b> (for the classes you joined): your display name, progress, scores and "
            "certificates. Your school's coordinator sees the school's classes.</li>"
            "<li><b>Your answers to personal reflection questions</b> are shown to teachers only grouped with "
            "the whole class's, never with your name.</li>"
            "<li><b>Someone who checks one of your certificates</b> sees whether it is valid, the module, the "
            "date and the name you chose (your initials by default).</li>"
            "<li><b>The site's administrators</b>, only to keep it running.</li>"
            "</ul>"
            "<h2>How long</h2>"
            "<p>As long as you use your account. A pupil account that is no longer used is erased automatically "
            "after the period shown below. When an account is erased, its data goes with it.</p>"
            "<h2>Your rights: see, take, correct, erase</h2>"
            "<ul>"
            "<li>In <b>“My account”</b> you can see all your data, download it (a JSON file), correct your "
            "names, and <b>erase your account</b>. If you wish, your certificates stay verifiable, without "
            "your name.</li>"
            "<li>If your teacher created your account, they can also do this for you.</li>"
            "<li>For a question or a complaint, write to the people responsible for the site (details below). "
            "In Mali you can also turn to the <b>Personal Data Protection Authority (APDP)</b>, which oversees "
            "law n°2013-015 on the protection of personal data (contact details: to verify).</li>"
            "</ul>"
        ),
    },
}

# Bambara: only the key points, with the vocabulary of the starter curriculum (gùndo, dònkan,
# kɔnti, jɔsi...); unchecked, so the page says so in French and Bambara. The French text follows.
BM_REVIEW_NOTE = "bm-review: à relire par un·e locuteur·rice natif·ve"
PRIVACY_NOTICE_BM = {
    "title": "I ka kunnafoniw",
    "slug": "confidentialite",
    "review_note": (
        '<p data-bm-review="true"><b lang="fr">À relire par une personne qui parle bambara :</b> '
        '<span lang="fr">ce résumé en bambara n’a pas encore été vérifié. Le texte complet, en français, '
        "suit.</span> <b>Bamanankan fɔbaga ka kan ka nin sɛbɛn sɛgɛsɛgɛ.</b> Sɛbɛn dafalen bɛ duguma, "
        "tubabukan na.</p>"
    ),
    "summary": (
        "<p>Kalan bɛ i ko kunnafoni dɔɔnin dɔrɔn de mara.</p>"
        "<ul>"
        "<li><b>An bɛ mun mara :</b> i tɔgɔ, i ka dònkan (a gùndolen don, mɔgɔ si tɛ se k'a kalan), "
        'i ka kalanw, i ka jaabiw ani i ka <span lang="fr">certificats</span>. E-mail tɛ ɲini kalandenw fɛ.</li>'
        "<li><b>Jɔn bɛ u ye :</b> i yɛrɛ ; i ka karamɔgɔ bɛ i ka kalanw ni i ka nɔtiw ye. "
        "I yɛrɛ hakilinaw jaabiw : karamɔgɔ b'u ye kalanso bɛɛ ka jaabiw cɛ dɔrɔn, i tɔgɔ tɛ u la. "
        "An tɛ foyi feere.</li>"
        "<li><b>Waati joli :</b> i bɛ baara kɛ ni i ka kɔnti ye tuma min. Kalanden kɔnti min tɛ baara kɛ "
        "tuguni, o bɛ jɔsi waati dɔ kɔfɛ (a jirali bɛ duguma).</li>"
        '<li><b>I ka josiraw :</b> <span lang="fr">« Mon compte »</span> la, i bɛ se ka i ka kunnafoniw bɛɛ ye, k\'u ta '
        '(<span lang="fr">fichier JSON</span>), ani ka i ka kɔnti jɔsi.</li>'
        "</ul>"
    ),
    "french_heading": '<h2 lang="fr">Texte complet (en français)</h2>',
}
