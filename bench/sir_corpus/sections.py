"""Invented wording for each part of an SEN Information Report, for the labelled corpus.

Every school, person, service, address and link here is made up (example.* domains, 01632
numbers, which Ofcom keeps for drama). The wording is our own. Each item has several
variants so that the checker is measured on more than one way of saying a thing; a few
variants are deliberately indirect, the way real reports sometimes are.

Placeholders: {school} {la} {lo_url} {iass_url} {senco_block} {feeder}.
"""

# (headings, bodies) per item. A body is a list of paragraphs; "- " starts a list item.
SECTIONS: dict[str, tuple[list[str], list[list[str]]]] = {
    "1": (
        [
            "What kinds of special educational needs does the school provide for?",
            "The needs we support",
        ],
        [
            [
                "{school} is a mainstream school that welcomes pupils with a wide "
                "range of needs. We provide for needs in all four broad areas described "
                "in the SEND Code of Practice:",
                "- Communication and interaction, including autism and speech, language "
                "and communication needs.",
                "- Cognition and learning, including dyslexia and moderate learning "
                "difficulties.",
                "- Social, emotional and mental health.",
                "- Sensory and/or physical needs, including hearing impairment.",
            ],
            [
                "Pupils here have a variety of needs. At present these include autism, "
                "dyslexia, dyspraxia, ADHD, hearing loss and physical disabilities, and "
                "we adapt as new pupils join us.",
            ],
            [
                "We are a school for every child in our community. Among our pupils are "
                "children with autistic spectrum conditions, Down syndrome, visual "
                "impairment and specific learning difficulties such as dyslexia.",
            ],
        ],
    ),
    "2": (
        [
            "How does the school know if my child needs extra help?",
            "Identifying special educational needs",
        ],
        [
            [
                "Class teachers check every pupil's attainment each term. Where a pupil "
                "is not keeping up, the teacher raises a concern with the SENCO, who "
                "may observe the pupil in class and carry out further assessment before "
                "we decide together whether the pupil has a special educational need.",
            ],
            [
                "We identify needs as early as we can. We use the graduated approach "
                "of assess, plan, do, review, and information from a previous setting "
                "or from families is always taken into account.",
            ],
            [
                "Staff use screening tools for reading and language in Reception and "
                "Year 1 so that difficulties are identified early, and a specialist "
                "assessment is arranged when the screening suggests one is needed.",
            ],
        ],
    ),
    "3": (
        [
            "How does the school support pupils with SEN?",
            "Our provision for pupils with SEN",
        ],
        [
            [
                "Most pupils with SEN receive SEN support, which follows a cycle of "
                "planning and review. Some pupils have an education, health and care "
                "plan (EHC plan), and the school provides everything the plan sets out, "
                "working with the local authority.",
            ],
            [
                "Whether or not a pupil has an EHC plan, their support is set out in a "
                "personal plan agreed with the family and reviewed at least three times "
                "a year.",
            ],
        ],
    ),
    "3a": (
        ["How do you know the support is working?", "Evaluating our provision"],
        [
            [
                "We evaluate the effectiveness of our provision by comparing each "
                "pupil's starting point with their outcomes at the end of an "
                "intervention, and governors receive a termly summary.",
            ],
            [
                "The SENCO looks at the impact of each intervention every term and "
                "stops or changes any approach that is not making a difference.",
            ],
        ],
    ),
    "3b": (
        ["How will I know how my child is doing?", "Reviewing progress"],
        [
            [
                "Each pupil's progress towards their targets is reviewed every term, "
                "and the outcomes are written into their plan.",
            ],
            [
                "Teachers track progress half-termly, and the SENCO monitors the "
                "records to make sure no pupil falls behind unnoticed.",
            ],
        ],
    ),
    "3c": (
        ["How is teaching adapted?", "Teaching"],
        [
            [
                "High-quality teaching is the first step in supporting any pupil. "
                "Teachers plan lessons with clear steps and check understanding often.",
            ],
            [
                "Our teachers use adaptive teaching: they scaffold tasks, model new "
                "ideas and break learning into smaller steps.",
            ],
        ],
    ),
    "3d": (
        ["How are the curriculum and classrooms adapted?", "Adapting the curriculum"],
        [
            [
                "We adapt the curriculum and the learning environment for pupils who "
                "need it, for example with visual timetables, quiet work stations and "
                "alternative ways of recording work.",
            ],
            [
                "Lessons are adjusted so that every pupil can reach the same goals, "
                "and classrooms are organised to reduce noise and clutter.",
            ],
        ],
    ),
    "3e": (
        ["What extra help is available?", "Additional support"],
        [
            [
                "Some pupils take part in short interventions in small groups, led by "
                "trained teaching assistants, for reading, number or language.",
            ],
            [
                "Where a pupil needs more, we provide one-to-one sessions and pre-teach "
                "vocabulary before new topics.",
            ],
        ],
    ),
    "3f": (
        ["Can my child join in trips and clubs?", "Activities for everyone"],
        [
            [
                "All pupils take part in trips, clubs and PE. We plan each visit so "
                "that pupils with SEN are included, and we talk to families in good "
                "time about any extra arrangements.",
            ],
            [
                "Our after-school clubs and residential visits are open to every pupil, "
                "and we make the changes needed so that children can join in alongside "
                "their friends.",
            ],
        ],
    ),
    "3g": (
        ["How is my child's wellbeing supported?", "Emotional and social development"],
        [
            [
                "Our pastoral team supports pupils' wellbeing, and our anti-bullying "
                "work is led by pupils and staff together.",
            ],
            [
                "Trained staff run nurture groups and social skills sessions, and any "
                "pupil can talk to a trusted adult at any time.",
            ],
            [
                "Children who find friendships hard are helped to build confidence "
                "through lunchtime groups run by a trained emotional literacy support "
                "assistant (ELSA).",
            ],
        ],
    ),
    "4": (
        ["Who is the SENCO?", "Contacting our SENCO"],
        [["{senco_block}"]],
    ),
    "5": (
        ["What training do staff have?", "Staff expertise"],
        [
            [
                "All staff receive training on special educational needs every year, "
                "and our teaching assistants have completed courses in supporting "
                "reading and language.",
                "When we need more specialist expertise, we buy in time from the "
                "{la_short} Educational Psychology Service and a specialist teacher "
                "for pupils with hearing impairment.",
            ],
            [
                "Our SENCO holds the National Award for SEN Co-ordination, and teachers "
                "take part in professional development on adaptive teaching each term.",
            ],
        ],
    ),
    "6": (
        ["How do you get specialist equipment?", "Equipment and facilities"],
        [
            [
                "If a pupil needs specialist equipment, such as a writing slope or a "
                "laptop, we buy it from our SEN budget or request it from the local "
                "authority.",
            ],
            [
                "We fund specialist resources and equipment from our notional SEN "
                "budget, and advice from therapists helps us decide what to purchase.",
            ],
        ],
    ),
    "7": (
        ["How will I be involved?", "Working with parents and carers"],
        [
            [
                "We work closely with parents and carers. You will be invited to meet "
                "your child's teacher and the SENCO at least three times a year to "
                "review their plan, and you can ask for a meeting at any time.",
            ],
            [
                "Parents' views are part of every review. We consult families before "
                "any change to their child's support.",
            ],
        ],
    ),
    "8": (
        ["How will my child be involved?", "Listening to pupils"],
        [
            [
                "Pupils share their views at every review, and each child with SEN "
                "helps to write their own one-page profile.",
            ],
            [
                "We listen to the pupil voice: children tell us what helps them learn "
                "and their views shape their targets.",
            ],
            [
                "Children are asked what helps them in class and what they would like "
                "to be different, and we write down what they say in their own words.",
            ],
        ],
    ),
    "9": (
        ["What if I am not happy?", "Complaints"],
        [
            [
                "If you have a concern about your child's SEN provision, please talk "
                "to the class teacher or the SENCO first. If this does not resolve it, "
                "our complaints policy on the school website explains how to make a "
                "formal complaint to the governing body.",
            ],
            [
                "Complaints about SEN provision are handled under the school's "
                "complaints procedure, which you can ask the office for.",
            ],
        ],
    ),
    "10": (
        ["Which other services work with the school?", "Working with other services"],
        [
            [
                "We work with health and social care services, including the school "
                "nursing team, CAMHS and the early help service, as well as local "
                "charities that support families.",
            ],
            [
                "The school involves the local authority's SEN team, NHS therapists and "
                "social care when a pupil's needs call for it, always with the family's "
                "agreement.",
            ],
        ],
    ),
    "11": (
        ["Where can families get support?", "Support for families"],
        [
            [
                "{la_short} SENDIASS offers free, impartial information, advice and "
                "support to parents and young people about SEND. Visit {iass_url} or "
                "call 01632 960900.",
            ],
            [
                "The local Information, Advice and Support Service for SEND can help "
                "you prepare for meetings; its details are at {iass_url}.",
            ],
        ],
    ),
    "12": (
        ["How do you help pupils move on?", "Transitions"],
        [
            [
                "We plan each transition carefully: extra visits before a pupil moves "
                "to a new class, and meetings with staff from the next school when "
                "pupils transfer to secondary school, such as {feeder}.",
            ],
            [
                "From Year 9 we work with pupils and families on preparing for "
                "adulthood, including further education, employment, independent "
                "living and health.",
            ],
        ],
    ),
    "13": (
        ["The local offer", "Where can I find the local offer?"],
        [
            [
                "{la}'s local offer describes the services available to children and "
                "young people with SEND in the area. You can find it at {lo_url}.",
            ],
            [
                "The local authority publishes its Local Offer online at {lo_url}.",
            ],
        ],
    ),
    "s69_i": (
        ["Admissions", "Admitting disabled pupils"],
        [
            [
                "Our admission arrangements treat disabled pupils in the same way as "
                "all other applicants; we never refuse a place because of a "
                "disability.",
            ],
            [
                "Disabled children are admitted under the same admissions policy as "
                "everyone else, published by {la}.",
            ],
        ],
    ),
    "s69_ii": (
        ["Preventing unfair treatment", "Equality"],
        [
            [
                "We take steps to make sure disabled pupils are not treated less "
                "favourably than other pupils, and we make reasonable adjustments to "
                "policies and practice.",
            ],
            [
                "The school will not discriminate against disabled pupils, and staff "
                "make reasonable adjustments whenever they are needed.",
            ],
        ],
    ),
    "s69_iii": (
        ["Access to the building", "Facilities for disabled pupils"],
        [
            [
                "The building has ramps at both entrances, a lift to the first floor "
                "and an accessible toilet with a hoist.",
            ],
            [
                "All classrooms have level access for wheelchairs, and the hall has a "
                "hearing loop.",
            ],
        ],
    ),
    "s69_iv": (
        ["Accessibility plan", "Our accessibility plan"],
        [
            [
                "Our accessibility plan sets out how we will improve access to the "
                "curriculum, the buildings and written information over three years. "
                "It is published on our website.",
            ],
            [
                "The governors review the school's accessibility plan every year; a "
                "copy is available from the school office.",
            ],
        ],
    ),
}

# The same report for a special school speaks about admissions and needs differently.
SPECIAL_OVERRIDES: dict[str, tuple[list[str], list[list[str]]]] = {
    "1": (
        ["Who is the school for?"],
        [
            [
                "{school} is a special school for pupils aged 4 to 19 with severe and "
                "profound learning difficulties (SLD and PMLD), many of whom are also "
                "autistic or have physical disabilities.",
            ],
        ],
    ),
    "s69_i": (
        ["Admissions"],
        [
            [
                "Places are offered through {la}: every pupil has an EHC plan that "
                "names the school, and admission decisions never disadvantage a "
                "disabled child because of the kind of disability they have.",
            ],
        ],
    ),
}

SENCO_BLOCKS = [
    "Our SENCO is {senco_name}. You can email {senco_email} or telephone "
    "{senco_phone}.",
    "SENDCo: {senco_name}. Email: {senco_email}. Telephone: {senco_phone}.",
    "{senco_name} is our Special Educational Needs Co-ordinator and can be reached "
    "through the school office on {senco_phone}.",
    "The school's SENCO is {senco_name}, who can be contacted at {senco_email}.",
]
SENCO_WITHOUT_NAME = (
    "Please contact the SENCO through the school office if you would like to talk "
    "about your child."
)

INTRO = [
    "This report explains how {school} supports pupils with special educational needs "
    "and disabilities (SEND). It is written for parents and carers, and it follows the "
    "SEND Code of Practice.",
    "Welcome to the SEN Information Report for {school}. Please read it alongside our "
    "SEND policy.",
]


# Two reports written by hand in other voices, to keep the measure honest: the first
# covers items in words the checker does not look for, the second uses the checker's
# words where the item is not really covered. Labels are the truth as a reader sees it.
ALL_ITEMS = [
    "1", "2", "3", "3a", "3b", "3c", "3d", "3e", "3f", "3g", "4", "5", "6", "7", "8",
    "9", "10", "11", "12", "13", "s69_i", "s69_ii", "s69_iii", "s69_iv",
]  # fmt: skip

FERNHILL = {
    "file": "fernhill_plain_words.txt",
    "school_name": "Fernhill Primary School",
    "sections": [
        (
            "Fernhill Primary School: SEND at Fernhill",
            [
                "Reviewed by governors in October 2025.",
            ],
        ),
        (
            "Who we teach",
            [
                "We teach children with many kinds of needs, for example autism and "
                "dyslexia.",
            ],
        ),
        (
            "Spotting needs early",
            [
                "Teachers watch how each child is getting on and notice when someone is "
                "stuck. We then assess what is getting in the way.",
            ],
        ),
        (
            "Help in class",
            [
                "Teachers plan lessons that work for everyone in the class. Some children "
                "have an EHC plan and others get SEN support without one.",
                "Children who need a boost work with a teaching assistant in a small group.",
                "We change how lessons are taught and how the classroom is set out when a "
                "child needs it.",
            ],
        ),
        (
            "Checking it works",
            [
                "Every term we look at what each child has learnt and decide whether the "
                "help should carry on. We evaluate the impact of every intervention.",
                "We review progress with families each term.",
            ],
        ),
        (
            "Everyone joins in",
            [
                "Every child comes on our trips and plays in the sports teams alongside "
                "their classmates.",
                "Our pastoral staff look after children's wellbeing.",
            ],
        ),
        (
            "Who to talk to",
            [
                "Mrs Harpreet Kaur leads SEND as our SENDCo. Phone 01632 960555.",
                "If things go wrong, speak to Mrs Kaur first; if you are still unhappy, "
                "write to the chair of governors.",
            ],
        ),
        (
            "Staff skills",
            [
                "Teachers and assistants have training in speech and language support "
                "every year.",
            ],
        ),
        (
            "Equipment",
            [
                "We buy any equipment a child needs from the school budget.",
            ],
        ),
        (
            "Families and children",
            [
                "We meet parents each term to agree next steps. Children tell us in their "
                "own words what helps, and their views are written into their plans.",
                "Families can get free, impartial advice from Northshire SENDIASS.",
            ],
        ),
        (
            "Other help",
            [
                "We invite the school nurse and the family support worker to reviews when "
                "it helps.",
            ],
        ),
        (
            "Moving on",
            [
                "Before moving to secondary school, children make extra visits with a "
                "member of staff.",
            ],
        ),
        (
            "Services in Northshire",
            [
                "Northshire publishes details of all local SEND services on its website: "
                "www.northshire.example.gov.uk/send.",
            ],
        ),
        (
            "Disabled pupils",
            [
                "Disabled children are admitted on the same terms as every other child. "
                "We make reasonable adjustments so no disabled child is treated less "
                "favourably.",
                "Our building is old and has no lift or ramps at present; our "
                "accessibility plan, updated in 2025, sets out the changes we intend.",
            ],
        ),
    ],
    # What a careful reader finds covered. Not covered: 3c (no teaching approach),
    # 10 (one service is not "involving" other bodies), 13 (no local offer named),
    # s69_iii (the building has no access facilities; it says so).
    "not_covered": ["3c", "10", "13", "s69_iii"],
    "senco_name": "Mrs Harpreet Kaur",
    "senco_email": None,
    "senco_phone": "01632 960555",
    "local_offer_url": None,
    "report_date": "2025-10-01",
    "claims": ["SENDIASS"],
}

ROWAN = {
    "file": "rowan_empty_words.html",
    "school_name": "Rowan Tree Primary School",
    "sections": [
        (
            "Rowan Tree Primary School",
            [
                "Last updated: 02/02/2025. Next review: February 2026.",
                "Rowan Tree Primary School is a happy school where everyone matters.",
            ],
        ),
        (
            "Our values",
            [
                "Pupils make good progress and we celebrate it in assemblies every week.",
                "Our school council chose the new playground equipment this year.",
                "Many of our staff have first aid training.",
                "Parents are welcome at our summer fair and our Christmas concert.",
            ],
        ),
        (
            "Our SENCO",
            [
                "Our SENCO is Mr Daniel Fry.",
            ],
        ),
        (
            "Admissions",
            [
                "Our admissions policy is published on the website.",
            ],
        ),
        (
            "More information",
            [
                "For more information please contact the school office.",
            ],
        ),
    ],
    # Only the words are there. 5 (first aid training) and 8 (a school council choosing
    # playground equipment) are not what Schedule 1 asks for.
    "covered": [],
    "senco_name": "Mr Daniel Fry",
    "senco_email": None,
    "senco_phone": None,
    "local_offer_url": None,
    "report_date": "2025-02-02",
    "claims": [],
}

# A question-and-answer table in Word, the date in the footer, contacts in a table.
ASHGROVE = {
    "file": "ashgrove_table_layout.docx",
    "school_name": "Ashgrove Primary School",
    "footer": "Reviewed: Autumn term 2025",
    "sections": [
        ("Ashgrove Primary School: SEN Information Report", []),
        (
            "Questions parents ask",
            [
                "| What needs do you support? | We support pupils with speech, language "
                "and communication needs, autism, dyslexia and social, emotional and "
                "mental health needs.",
                "| How do you find out if my child has SEN? | Teachers raise concerns with "
                "the SENDCo, who observes the child and may use standardised assessments.",
                "| What support is there? | Support is planned through the graduated "
                "approach for pupils on SEN support, and for pupils with an EHC plan we "
                "deliver the provision the plan specifies.",
                "| How will teaching help my child? | Teachers adapt tasks, use visual "
                "prompts and give extra time to think.",
                "| Will the classroom be changed? | Classrooms have calm corners, and we "
                "can change seating and lighting for pupils with sensory needs.",
                "| How do you check progress? | We measure progress every half term and "
                "review targets with you three times a year.",
                "| How do you know support works? | Each intervention has entry and exit "
                "assessments so we can see its impact.",
                "| What extra help is there? | Small-group sessions with trained teaching "
                "assistants for phonics, maths and social communication.",
                "| Can my child go on trips? | Yes. Residential trips and clubs are "
                "planned so every child can go.",
                "| How do you support wellbeing? | Our learning mentor and pastoral team "
                "run a lunchtime club and check in with pupils daily.",
                "| What training do staff have? | The SENDCo holds the NPQ for SENCOs and "
                "all teaching assistants have completed autism awareness training.",
                "| How do you get equipment? | Equipment is bought from the school's "
                "budget or loaned by the local authority's sensory support service.",
                "| How are parents involved? | Parents and carers are invited to termly "
                "meetings and can contact us at any time.",
                "| How is my child involved? | Pupils complete a 'my views' sheet before "
                "each review.",
                "| What if I want to complain? | Please speak to the SENDCo first; our "
                "complaints policy is on the website.",
                "| Who else helps? | We work with the Ashgrove Cluster Speech and Language "
                "Team, CAMHS and the school nursing service.",
                "| Where can I get independent advice? | Westmere SENDIASS: 01632 960700.",
                "| How do you help with moving on? | We hold transition meetings with each "
                "child's new school.",
                "| Where is the local offer? | Westmere's Local Offer: "
                "https://www.westmere.example.gov.uk/localoffer",
            ],
        ),
        (
            "Contacts",
            [
                "| SENDCo | Miss Hannah Okoye | sendco@ashgrove.example.sch.uk",
            ],
        ),
        (
            "Disability and access",
            [
                "Pupils with disabilities are admitted on the same basis as all pupils.",
                "We make reasonable adjustments so that disabled pupils are not "
                "disadvantaged.",
                "The site has a ramp to the main entrance and an accessible toilet.",
            ],
        ),
    ],
    # Not covered: the accessibility plan is not mentioned.
    "not_covered": ["s69_iv"],
    "senco_name": "Miss Hannah Okoye",
    "senco_email": "sendco@ashgrove.example.sch.uk",
    "senco_phone": None,
    "local_offer_url": "https://www.westmere.example.gov.uk/localoffer",
    "report_date": "2025-09-01",
    "claims": ["Ashgrove Cluster Speech and Language Team", "SENDIASS", "CAMHS"],
}

# A special school's PDF with a running header, in its own voice; dated a term only.
BIRCHWOOD = {
    "file": "birchwood_special_own_voice.pdf",
    "school_name": "Birchwood School",
    "school_type": "special",
    "page_header": "Birchwood School - SEN Information Report",
    "sections": [
        (
            "SEN Information Report",
            [
                "Information last updated: Summer term 2024.",
            ],
        ),
        (
            "About Birchwood",
            [
                "Birchwood School is a special school for 120 pupils aged 11 to 19 with "
                "autism and severe learning difficulties; many pupils also have speech, "
                "language and communication needs.",
            ],
        ),
        (
            "Provision",
            [
                "Every pupil has an education, health and care plan. The provision set out "
                "in each plan is delivered through personalised timetables.",
                "Teaching uses structured approaches such as TEACCH and visual supports.",
                "The curriculum is adapted into three pathways so that each pupil learns "
                "at the right level.",
                "Each class has a teacher and three teaching assistants.",
                "Leaders look at how well our provision is working each term, using pupil "
                "outcomes.",
                "Progress is tracked against each pupil's EHC plan outcomes and discussed "
                "at annual reviews.",
            ],
        ),
        (
            "Beyond the classroom",
            [
                "Pupils take part in sports competitions and community visits alongside "
                "peers from other schools.",
                "Our wellbeing team supports pupils' emotional health every day.",
            ],
        ),
        (
            "Leadership",
            [
                "Our Assistant Headteacher for Inclusion, Mrs Claire Dunmore, co-ordinates "
                "provision (c.dunmore@birchwood.example.sch.uk).",
            ],
        ),
        (
            "Staff and specialists",
            [
                "Staff complete training in autism, positive behaviour support and moving "
                "and handling.",
                "We commission speech and language therapy from Riverside NHS Trust.",
                "Specialist equipment, such as standing frames and communication aids, is "
                "funded through each pupil's plan.",
            ],
        ),
        (
            "Families and pupils",
            [
                "Families are invited to coffee mornings and to every review meeting.",
                "Pupils contribute to their reviews using symbols and photographs to show "
                "what matters to them.",
                "Concerns or complaints can be raised with the headteacher; the complaints "
                "policy explains the stages.",
            ],
        ),
        (
            "Working with others",
            [
                "We work closely with the community paediatrician, physiotherapists, social "
                "workers and the Brightpath Autism Outreach Team.",
                "From Year 9, annual reviews focus on preparing for adulthood: employment, "
                "independent living, friendships and health.",
                "Eastvale Council's local offer: "
                "https://www.eastvale.example.gov.uk/send/local-offer",
            ],
        ),
        (
            "Access",
            [
                "Admissions are arranged by Eastvale Council for pupils whose EHC plan "
                "names the school; no disabled pupil is refused a place because of the "
                "nature of their disability.",
                "The building is on one level with wide doors, a hydrotherapy pool and "
                "changing places toilets.",
                "Our accessibility plan 2023 to 2026 is available on request.",
            ],
        ),
    ],
    # Not covered: 11 (no advice service for parents) and s69_ii (nothing on less
    # favourable treatment). Items 2 and 4 do not apply to a special school.
    "not_covered": ["11", "s69_ii"],
    "senco_name": None,
    "senco_email": None,
    "senco_phone": None,
    "local_offer_url": "https://www.eastvale.example.gov.uk/send/local-offer",
    "report_date": "2024-04-01",
    "claims": ["Riverside NHS Trust", "Brightpath Autism Outreach Team"],
}
