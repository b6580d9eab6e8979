//! Competency status (R2, R3): each requirement, met or not, with people
//! counted against people needed.

use crate::i18n::reactive::tr;
use crate::i18n::source::Source;
use crate::i18n::Text;
use crate::rules::reports::competency_status;
use crate::session::use_ctx;
use crate::ui::live;
use crate::views::common::{NotAllowed, SignInPrompt, SourceQuote};
use leptos::prelude::*;

#[component]
pub fn Competency() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let status = Memo::new(move |_| {
        let actor = ctx.actor()?;
        let org = ctx.account()?.org;
        Some(ctx.with_state(|s| competency_status(s, &actor, &org, ctx.now())))
    });
    view! {
        <h1>{tr(lang, Text::NavCompetency)}</h1>
        {live(move || match status.get() {
            None => view! { <SignInPrompt /> }.into_any(),
            Some(Err(refusal)) => view! { <NotAllowed refusal=refusal /> }.into_any(),
            Some(Ok(list)) => {
                view! {
                    <SourceQuote sentences=&[Source::Competency] />
                    <ul class="competencies">
                        {list
                            .into_iter()
                            .map(|c| {
                                let id = format!("competency-{}", c.requirement.name.replace(' ', "-").to_lowercase());
                                let needed = c.requirement.people_needed;
                                let counted = c.people_counted;
                                view! {
                                    <li class="card competency" class:met=c.met>
                                        <h2 id=id.clone()>{c.requirement.name}</h2>
                                        <p class="verdict">
                                            {tr(lang, if c.met { Text::Met } else { Text::NotMet })}
                                        </p>
                                        <progress
                                            max=needed
                                            value=counted.min(needed)
                                            aria-labelledby=id
                                        ></progress>
                                        <p>
                                            {live(move || {
                                                crate::i18n::people_counted(lang.get(), counted, needed, c.people_pending)
                                            })}
                                        </p>
                                        <p class="sub">{c.requirement.any_of.join(", ")}</p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }
        })}
    }
}
