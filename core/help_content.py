"""Default text of the help page ("Besoin d'aide ?") and its support organisations.

`load_help_page` writes this once; after that, editors own the text in the Wagtail admin.
Every statement comes from shared/content/facts.md (section C) and docs/content-sources.md:
no menu path is invented, Take It Down has no link (learners search for it and check that
the site belongs to NCMEC), and no organisation gets a contact detail it has not been
checked for. Rich text is in Wagtail's stored HTML format.
"""

from uuid import UUID, uuid5

# Stable translation keys: a rerun finds an organisation even after an editor renamed it.
_NAMESPACE = UUID("6f1d8a52-3c0e-4b7a-9d51-2a8e4c7b9f10")


def organisation_key(slug: str) -> UUID:
    return uuid5(_NAMESPACE, f"support-organisation:{slug}")


HELP_PAGE = {
    "fr": {
        "title": "Besoin d'aide ?",
        "slug": "aide",
        "intro": (
            "<p><b>Tu n'es pas seul·e. Ce n'est pas ta faute.</b></p>"
            "<p>Quelqu'un menace de publier une photo ou une vidéo intime de toi, vraie ou fabriquée "
            "(un « deepfake ») ? Ou elle circule déjà ? La faute est du côté de la personne qui menace "
            "ou qui partage, jamais du tien. Cette page t'explique quoi faire maintenant, comment "
            "signaler, et qui peut t'aider. Pas besoin de compte pour la lire.</p>"
        ),
        "body": [
            {
                "type": "section",
                "value": {
                    "heading": "Que faire tout de suite",
                    "text": (
                        "<ol>"
                        "<li><b>Ne paie pas.</b> Si tu as déjà payé, arrête de payer.</li>"
                        "<li><b>Arrête de répondre</b> à la personne qui te menace.</li>"
                        "<li><b>Garde les preuves, ne supprime rien.</b> Fais des captures d'écran où l'on "
                        "voit la date : les messages, le nom d'utilisateur et le profil de la personne, les "
                        "liens vers les publications, et ce qu'elle te demande de payer (numéro, compte).</li>"
                        "<li><b>Ensuite, bloque et signale</b> le compte et le contenu sur la plateforme "
                        "(voir plus bas).</li>"
                        "<li><b>Parles-en à quelqu'un de confiance</b> : un adulte, une amie, un ami, "
                        "quelqu'un de ta famille. Tu n'as pas à porter ça seul·e.</li>"
                        "<li><b>Tu peux porter plainte.</b> Au Mali, partager sans accord des images "
                        "intimes de quelqu'un est puni par la loi. Un pôle judiciaire spécialisé dans la "
                        "cybercriminalité, à Bamako, reçoit les plaintes (voir la liste plus bas).</li>"
                        "</ol>"
                    ),
                },
            },
            {
                "type": "section",
                "value": {
                    "heading": "Signaler sur les réseaux sociaux",
                    "text": (
                        "<p>Fais d'abord tes captures d'écran, puis utilise l'option « Signaler » de la "
                        "plateforme. Les noms des menus changent souvent : si tu ne trouves pas l'option, "
                        "cherche « signaler » dans l'aide de l'application.</p>"
                    ),
                },
            },
            {
                "type": "platform",
                "value": {
                    "platform": "Facebook",
                    "how_to_report": (
                        "<p>Sur la publication, le profil ou le message, choisis l'option « Signaler », "
                        "puis le motif qui parle d'images intimes, de nudité ou de harcèlement. Ensuite, "
                        "bloque la personne.</p>"
                        "<p>Meta (Facebook, Instagram) traite les images sexuelles fabriquées par "
                        "intelligence artificielle comme de vraies images.</p>"
                    ),
                },
            },
            {
                "type": "platform",
                "value": {
                    "platform": "Instagram",
                    "how_to_report": (
                        "<p>Sur la publication, le commentaire, le profil ou le message, choisis "
                        "« Signaler », puis le motif qui parle d'images intimes, de nudité ou de "
                        "harcèlement. Ensuite, bloque la personne.</p>"
                        "<p>Si quelqu'un te harcèle dans les commentaires, « Restreindre » fait que ses "
                        "commentaires ne sont plus visibles que par lui.</p>"
                    ),
                },
            },
            {
                "type": "platform",
                "value": {
                    "platform": "TikTok",
                    "how_to_report": (
                        "<p>Sur la vidéo, le commentaire, le message ou le profil, choisis « Signaler », "
                        "puis le motif qui parle de nudité, de contenu sexuel ou de harcèlement. Ensuite, "
                        "bloque la personne.</p>"
                        "<p>Dans les paramètres de confidentialité, tu peux aussi choisir qui peut "
                        "t'envoyer des messages : « Amis » ou « Personne ».</p>"
                    ),
                },
            },
            {
                "type": "platform",
                "value": {
                    "platform": "WhatsApp",
                    "how_to_report": (
                        "<p>Fais tes captures d'écran, puis, dans la discussion, utilise « Signaler » et "
                        "« Bloquer ».</p>"
                        "<p>Une personne bloquée ne peut plus t'appeler ni t'envoyer de messages, et ne "
                        "voit plus ta dernière connexion, ton statut ni les changements de ta photo de "
                        "profil.</p>"
                    ),
                },
            },
            {
                "type": "section",
                "value": {
                    "heading": "StopNCII.org : si tu as 18 ans ou plus",
                    "text": (
                        "<p>StopNCII.org (de la Revenge Porn Helpline et de SWGfL) aide les adultes à "
                        "faire retirer des images intimes des plateformes partenaires, y compris des "
                        "images fabriquées (deepfakes).</p>"
                        "<ul>"
                        "<li>Une « empreinte numérique » (un hash) de l'image est créée sur ton propre "
                        "téléphone ou ordinateur. Seule cette empreinte est envoyée : l'image elle-même "
                        "n'est pas envoyée.</li>"
                        "<li>Les plateformes partenaires retirent les images qui correspondent à cette "
                        "empreinte.</li>"
                        "<li>Note bien ton numéro de dossier et ton code PIN : s'ils sont perdus, on ne "
                        "peut pas les récupérer.</li>"
                        "<li>Limites : une copie modifiée de l'image peut ne pas être reconnue, et le "
                        "service ne fonctionne pas dans les messageries chiffrées de bout en bout.</li>"
                        "</ul>"
                        '<p>Site : <a href="https://stopncii.org/">https://stopncii.org/</a></p>'
                        "<p>L'image a été prise quand tu avais moins de 18 ans ? Utilise plutôt "
                        "Take It Down.</p>"
                    ),
                },
            },
            {
                "type": "section",
                "value": {
                    "heading": "Take It Down : si tu avais moins de 18 ans sur l'image",
                    "text": (
                        "<p>Take It Down est un service gratuit et anonyme du NCMEC, lancé en décembre "
                        "2022, pour les images intimes prises avant tes 18 ans.</p>"
                        "<ul>"
                        "<li>Seule une empreinte numérique (un hash) de l'image est transmise, pas "
                        "l'image.</li>"
                        "<li>Il fonctionne sur les plateformes participantes, pour les contenus publics "
                        "ou non chiffrés. À son lancement : Facebook, Instagram, OnlyFans, Pornhub et "
                        "Yubo ; la liste a pu changer depuis.</li>"
                        "</ul>"
                        "<p>Pour le trouver, cherche « Take It Down NCMEC » dans un moteur de recherche, "
                        "et vérifie que le site appartient bien au NCMEC avant d'y entrer quoi que ce "
                        "soit.</p>"
                        "<p>Tu as moins de 18 ans ? Parles-en aussi à un adulte de confiance : tu n'as "
                        "pas à faire ces démarches seul·e.</p>"
                    ),
                },
            },
        ],
    },
    "en": {
        "title": "Need help?",
        "slug": "help",
        "intro": (
            "<p><b>You are not alone. It is not your fault.</b></p>"
            "<p>Is someone threatening to post an intimate photo or video of you, real or made up "
            "(a “deepfake”)? Or is it already going round? The fault lies with the person who threatens "
            "or shares it, never with you. This page explains what to do now, how to report, and who "
            "can help. You don't need an account to read it.</p>"
        ),
        "body": [
            {
                "type": "section",
                "value": {
                    "heading": "What to do right now",
                    "text": (
                        "<ol>"
                        "<li><b>Don't pay.</b> If you have already paid, stop paying.</li>"
                        "<li><b>Stop replying</b> to the person who is threatening you.</li>"
                        "<li><b>Keep the evidence, delete nothing.</b> Take screenshots that show the "
                        "date: the messages, the person's username and profile, the links to the posts, "
                        "and what they are asking you to pay (number, account).</li>"
                        "<li><b>Then block and report</b> the account and the content on the platform "
                        "(see below).</li>"
                        "<li><b>Talk to someone you trust</b>: an adult, a friend, someone in your "
                        "family. You don't have to carry this alone.</li>"
                        "<li><b>You can file a complaint.</b> In Mali, sharing someone's intimate images "
                        "without their agreement is punished by law. A specialised cybercrime judicial "
                        "unit in Bamako receives complaints (see the list below).</li>"
                        "</ol>"
                    ),
                },
            },
            {
                "type": "section",
                "value": {
                    "heading": "Reporting on social media",
                    "text": (
                        "<p>Take your screenshots first, then use the platform's “Report” option. Menu "
                        "names change often: if you can't find the option, search for “report” in the "
                        "app's help section.</p>"
                    ),
                },
            },
            {
                "type": "platform",
                "value": {
                    "platform": "Facebook",
                    "how_to_report": (
                        "<p>On the post, the profile or the message, choose the “Report” option, then the "
                        "reason about intimate images, nudity or harassment. Then block the person.</p>"
                        "<p>Meta (Facebook, Instagram) treats sexual images made with artificial "
                        "intelligence like real ones.</p>"
                    ),
                },
            },
            {
                "type": "platform",
                "value": {
                    "platform": "Instagram",
                    "how_to_report": (
                        "<p>On the post, the comment, the profile or the message, choose “Report”, then "
                        "the reason about intimate images, nudity or harassment. Then block the "
                        "person.</p>"
                        "<p>If someone harasses you in the comments, “Restrict” makes their comments "
                        "visible only to them.</p>"
                    ),
                },
            },
            {
                "type": "platform",
                "value": {
                    "platform": "TikTok",
                    "how_to_report": (
                        "<p>On the video, the comment, the message or the profile, choose “Report”, then "
                        "the reason about nudity, sexual content or harassment. Then block the "
                        "person.</p>"
                        "<p>In the privacy settings, you can also choose who may send you messages: "
                        "“Friends” or “No one”.</p>"
                    ),
                },
            },
            {
                "type": "platform",
                "value": {
                    "platform": "WhatsApp",
                    "how_to_report": (
                        "<p>Take your screenshots, then, in the chat, use “Report” and “Block”.</p>"
                        "<p>A blocked person can no longer call you or send you messages, and no longer "
                        "sees your last seen, your status or changes to your profile photo.</p>"
                    ),
                },
            },
            {
                "type": "section",
                "value": {
                    "heading": "StopNCII.org: if you are 18 or over",
                    "text": (
                        "<p>StopNCII.org (from the Revenge Porn Helpline and SWGfL) helps adults get "
                        "intimate images removed from partner platforms, including made-up images "
                        "(deepfakes).</p>"
                        "<ul>"
                        "<li>A “digital fingerprint” (a hash) of the image is made on your own phone or "
                        "computer. Only this fingerprint is sent: the image itself is not "
                        "uploaded.</li>"
                        "<li>Partner platforms remove images that match the fingerprint.</li>"
                        "<li>Write down your case number and PIN: if they are lost, they cannot be "
                        "recovered.</li>"
                        "<li>Limits: an edited copy of the image may not be recognised, and the service "
                        "does not work in end-to-end encrypted chats.</li>"
                        "</ul>"
                        '<p>Website: <a href="https://stopncii.org/">https://stopncii.org/</a></p>'
                        "<p>Was the image taken when you were under 18? Use Take It Down instead.</p>"
                    ),
                },
            },
            {
                "type": "section",
                "value": {
                    "heading": "Take It Down: if you were under 18 in the image",
                    "text": (
                        "<p>Take It Down is a free, anonymous service run by NCMEC, launched in December "
                        "2022, for intimate images taken before you were 18.</p>"
                        "<ul>"
                        "<li>Only a digital fingerprint (a hash) of the image is sent, not the "
                        "image.</li>"
                        "<li>It works on participating platforms, for public or unencrypted content. At "
                        "launch: Facebook, Instagram, OnlyFans, Pornhub and Yubo; the list may have "
                        "changed since.</li>"
                        "</ul>"
                        "<p>To find it, search for “Take It Down NCMEC” in a search engine, and check "
                        "that the site really belongs to NCMEC before you enter anything.</p>"
                        "<p>Are you under 18? Talk to a trusted adult too: you don't have to do this "
                        "alone.</p>"
                    ),
                },
            },
        ],
    },
}

# Named in the seed article (AMSOPT, AJCAD) and in facts.md (the Pôle). Contact details are
# UNCONFIRMED: they stay empty, so the page shows "to be verified" until an editor checks them.
SUPPORT_ORGANISATIONS = [
    {
        "slug": "pole-cybercriminalite",
        "sort_order": 10,
        "fr": {
            "name": "Pôle judiciaire national spécialisé de lutte contre la cybercriminalité",
            "description": (
                "Service de la justice malienne à compétence nationale, au tribunal de grande instance "
                "de la Commune IV de Bamako, appuyé par une brigade spécialisée. Il peut agir sur plainte "
                "ou sur dénonciation."
            ),
        },
        "en": {
            "description": (
                "A Malian judicial unit with national jurisdiction, at the Commune IV high court "
                "(tribunal de grande instance) in Bamako, supported by a specialised brigade. It can "
                "act on a complaint or a report."
            ),
        },
    },
    {
        "slug": "amsopt",
        "sort_order": 20,
        "fr": {
            "name": "AMSOPT",
            "description": (
                "ONG malienne. Selon un article de WanaData, elle constate une hausse des plaintes pour "
                "cyberharcèlement sexiste, dont des cas avec des vidéos truquées. Son offre d'aide exacte "
                "reste à confirmer par l'équipe éditoriale."
            ),
        },
        "en": {
            "description": (
                "A Malian NGO. According to a WanaData article, it has seen a rise in complaints about "
                "sexist online harassment, including cases involving faked videos. Exactly what help it "
                "offers is still to be confirmed by the editorial team."
            ),
        },
    },
    {
        "slug": "ajcad",
        "sort_order": 30,
        "fr": {
            "name": "AJCAD",
            "description": (
                "ONG malienne. Selon un article de WanaData, elle constate une hausse des plaintes pour "
                "cyberharcèlement sexiste, dont des cas avec des vidéos truquées. Son offre d'aide exacte "
                "reste à confirmer par l'équipe éditoriale."
            ),
        },
        "en": {
            "description": (
                "A Malian NGO. According to a WanaData article, it has seen a rise in complaints about "
                "sexist online harassment, including cases involving faked videos. Exactly what help it "
                "offers is still to be confirmed by the editorial team."
            ),
        },
    },
]
