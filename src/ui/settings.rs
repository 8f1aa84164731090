//! Settings: coding policy, categories shown, theme.

use super::reader::category_label;
use super::state::{Action, AppState, Settings, Theme};
use crate::report::model::Category;
use crate::Policy;
use yew::prelude::*;

/// Props of [`SettingsPanel`].
#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    /// Current settings.
    pub settings: Settings,
    /// State changes.
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The settings panel.
#[function_component(SettingsPanel)]
pub fn settings_panel(props: &SettingsProps) -> Html {
    let s = &props.settings;
    let policy = |p: Policy, label: &str, help: &str| {
        let d = props.dispatch.clone();
        html! {
            <label class="choice">
                <input type="radio" name="policy" checked={s.policy == p}
                    onchange={Callback::from(move |_: Event| d.dispatch(Action::SetPolicy(p)))} />
                <span><strong>{ label }</strong><br /><span class="hint">{ help }</span></span>
            </label>
        }
    };
    let theme = |t: Theme, label: &str| {
        let d = props.dispatch.clone();
        html! {
            <label class="choice inline">
                <input type="radio" name="theme" checked={s.theme == t}
                    onchange={Callback::from(move |_: Event| d.dispatch(Action::SetTheme(t)))} />
                { label }
            </label>
        }
    };
    html! {
        <div class="settings">
            <h2>{ "Settings" }</h2>
            <fieldset>
                <legend>{ "Coding policy" }</legend>
                { policy(Policy::Literal, "Literal (the guidelines)",
                    "Bounds as the words say: “dozens” is 24 to 99, “more than 200” is at least 201.") }
                { policy(Policy::AcledConservative, "ACLED-conservative",
                    "Vague words take a fixed low count: several = 3, dozens = 12, hundreds = 100, thousands = 1,000.") }
            </fieldset>
            <fieldset>
                <legend>{ "Categories shown" }</legend>
                { for Category::ALL.into_iter().map(|c| {
                    let d = props.dispatch.clone();
                    html! {
                        <label class="choice inline">
                            <input type="checkbox" checked={!s.hidden.contains(&c)}
                                onchange={Callback::from(move |_: Event| d.dispatch(Action::ToggleCategory(c)))} />
                            <span class={classes!("swatch", format!("cat-{}", c.as_str()))} aria-hidden="true" />
                            { category_label(c) }
                        </label>
                    }
                }) }
            </fieldset>
            <fieldset>
                <legend>{ "Theme" }</legend>
                { theme(Theme::System, "System") }
                { theme(Theme::Light, "Light") }
                { theme(Theme::Dark, "Dark") }
            </fieldset>
        </div>
    }
}
