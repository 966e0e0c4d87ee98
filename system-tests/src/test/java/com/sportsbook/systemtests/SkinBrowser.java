package com.sportsbook.systemtests;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's headless Chromium (Debian chromium + chromium-driver) driven over WebDriver, for the player skin.
 * Every wait is bounded; a failing wait names what it waited for.
 */
final class SkinBrowser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);
    /**
     * Keycloak renders a realm's sign-in page from its theme's templates; the first one after Keycloak starts took
     * more than 15 s once on a loaded two-core machine (the whole suite running), so that page gets longer.
     */
    private static final Duration REALM_PAGE_WAIT = Duration.ofSeconds(45);

    private final WebDriver driver;

    private SkinBrowser(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(existing("chromium", "/usr/bin/chromium", "/usr/lib/chromium/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(existing("chromedriver", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
    }

    /** A laptop-sized window, where the betslip stands beside the events. */
    static SkinBrowser desktop() {
        return new SkinBrowser(1280, 900);
    }

    /** A phone-sized window (390 x 844, an iPhone 14's CSS pixels). */
    static SkinBrowser phone() {
        return new SkinBrowser(390, 844);
    }

    private static String existing(String what, String... candidates) {
        for (String candidate : candidates) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException(what + " is not installed (apt-get install chromium chromium-driver); looked at "
                + List.of(candidates));
    }

    void open(String url) {
        driver.get(url);
    }

    private WebDriverWait waiting(String what) {
        return waiting(what, WAIT);
    }

    private WebDriverWait waiting(String what, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.withMessage(what);
        // a page that redraws itself (a console after a filter or an action) replaces the elements a wait looks at
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    String textOf(String css) {
        return waiting("an element " + css).until(d -> {
            List<org.openqa.selenium.WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.getFirst().getText();
        });
    }

    void awaitText(String css, String text) {
        waiting(css + " showing '" + text + "'").until(d -> d.findElements(By.cssSelector(css)).stream()
                .anyMatch(element -> element.getText().equals(text)));
    }

    void awaitClass(String css, String className) {
        waiting(css + " marked " + className).until(d -> d.findElements(By.cssSelector(css)).stream()
                .anyMatch(element -> List.of(String.valueOf(element.getDomAttribute("class")).split(" ")).contains(className)));
    }

    void awaitAttribute(String css, String attribute, String value) {
        waiting(css + " with " + attribute + "=" + value).until(d -> d.findElements(By.cssSelector(css)).stream()
                .anyMatch(element -> value.equals(element.getDomProperty(attribute)) || value.equals(element.getDomAttribute(attribute))
                        || ("true".equals(value) && element.getDomAttribute(attribute) != null && attribute.equals("disabled"))));
    }

    String attributeOf(String css, String attribute) {
        return waiting("an element " + css).until(d -> d.findElements(By.cssSelector(css)).stream().findFirst()
                .map(element -> element.getDomAttribute(attribute)).orElse(null));
    }

    void click(String css) {
        waiting("a clickable " + css).until(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(element -> element.isDisplayed() && element.isEnabled()).findFirst().orElse(null)).click();
    }

    void type(String css, String text) {
        org.openqa.selenium.WebElement field = waiting("a field " + css).until(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(org.openqa.selenium.WebElement::isDisplayed).findFirst().orElse(null));
        field.clear();
        field.sendKeys(text);
    }

    /** Picks the option with this value from a list, as a person does. */
    void choose(String css, String value) {
        org.openqa.selenium.WebElement list = waiting("a list " + css + " offering " + value).until(d -> d.findElements(By.cssSelector(css))
                .stream().filter(element -> element.isDisplayed() && !element.findElements(By.cssSelector(
                        "option[value='" + value + "']")).isEmpty()).findFirst().orElse(null));
        new org.openqa.selenium.support.ui.Select(list).selectByValue(value);
    }

    /** Sets a date field (typing into one depends on the browser's locale), as its date picker would. */
    void setDate(String css, String isoDate) {
        script("const field = document.querySelector(arguments[0]); field.value = arguments[1];"
                + " field.dispatchEvent(new Event('input', {bubbles: true})); field.dispatchEvent(new Event('change', {bubbles: true}));",
                css, isoDate);
    }

    /** Fills the tenant realm's sign-in page (Keycloak's) with a password, as a player does. */
    void signInOnRealm(String username, String password) {
        try {
            waiting("the realm's sign-in page", REALM_PAGE_WAIT).until(d -> !d.findElements(By.cssSelector("#username")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException slow) {
            throw new AssertionError("no sign-in page after " + REALM_PAGE_WAIT.toSeconds() + " s; the browser is at "
                    + driver.getCurrentUrl() + " (" + driver.getTitle() + ")", slow);
        }
        type("#username", username);
        type("#password", password);
        click("#kc-login");
    }

    /** Signs a staff member in on the realm's pages: the password, then the code their authenticator app shows. */
    void signInOnRealm(com.sportsbook.commons.testing.RealmAccounts.StaffAccount staff) {
        signInOnRealm(staff.username(), staff.password());
        type("#otp", staff.otpCode());
        click("#kc-login");
    }

    void awaitTextContaining(String css, String text) {
        try {
            waiting(css + " containing '" + text + "'").until(d -> d.findElements(By.cssSelector(css)).stream()
                    .anyMatch(element -> element.getText().contains(text)));
        } catch (org.openqa.selenium.TimeoutException e) {
            List<String> shown = driver.findElements(By.cssSelector(css)).stream().map(org.openqa.selenium.WebElement::getText).toList();
            throw new AssertionError(css + " never contained '" + text + "'; it shows " + shown, e);
        }
    }

    void awaitVisible(String css) {
        waiting(css + " shown").until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(org.openqa.selenium.WebElement::isDisplayed));
    }

    int count(String css) {
        return driver.findElements(By.cssSelector(css)).size();
    }

    void pressArrowRightOn(String css) {
        waiting("an element " + css).until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null))
                .sendKeys(Keys.ARROW_RIGHT);
    }

    String focusedId() {
        return (String) script("return document.activeElement && document.activeElement.id;");
    }

    /** How many CSS pixels the page is wider than the window (0 or less: no horizontal scrolling). */
    long horizontalOverflow() {
        return ((Number) script("return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
    }

    /** Waits longer than usual for a text, e.g. while a tenant is provisioned. */
    void awaitTextWithin(String css, String text, Duration within) {
        WebDriverWait wait = new WebDriverWait(driver, within);
        wait.withMessage(css + " showing '" + text + "' within " + within);
        wait.until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(element -> element.getText().equals(text)));
    }

    /** Chooses a file in a file field, as a person picking it in the dialog does. */
    void upload(String css, Path file) {
        waiting("a file field " + css).until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null))
                .sendKeys(file.toAbsolutePath().toString());
    }

    /** Sets a colour field (its picker cannot be typed into) and tells the page, as the picker does. */
    void setColor(String css, String hex) {
        script("const field = document.querySelector(arguments[0]); field.value = arguments[1];"
                + " field.dispatchEvent(new Event('input', {bubbles: true})); field.dispatchEvent(new Event('change', {bubbles: true}));",
                css, hex);
    }

    void check(String css) {
        org.openqa.selenium.WebElement box = waiting("a checkbox " + css).until(d -> d.findElements(By.cssSelector(css)).stream()
                .findFirst().orElse(null));
        if (!box.isSelected()) {
            box.click();
        }
    }

    String computedStyle(String css, String property) {
        return String.valueOf(script("return getComputedStyle(document.querySelector(arguments[0])).getPropertyValue(arguments[1]);",
                css, property));
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Whether the page raised a JavaScript alert (script typed into a field must never run). */
    boolean alertOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (org.openqa.selenium.NoAlertPresentException e) {
            return false;
        }
    }

    String cssVariable(String name) {
        return String.valueOf(script("return getComputedStyle(document.documentElement).getPropertyValue(arguments[0]).trim();", name));
    }

    String title() {
        return driver.getTitle();
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(code, arguments);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
