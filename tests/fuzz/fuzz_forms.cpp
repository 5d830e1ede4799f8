// The booking flow's URL-encoded forms and query strings (sync/server/flowstate) and the cookies
// (HttpRequest::cookie, the CSRF cookie of sync/server/csrf): a form's state survives the round
// trip through the hidden fields of the next page; values stay within their bounds; the CSRF
// token given for a browser's cookie is accepted with it, nothing else is; no cookie we set can
// carry a header break.
#include "fuzzcheck.h"
#include "sync/server/csrf.h"
#include "sync/server/flowstate.h"

#include <QUrl>

using namespace creneau::server;

namespace {

QByteArray encodeForm(const QVariantList &fields)
{
    QByteArray out;
    for (const QVariant &v : fields) {
        const QVariantMap field = v.toMap();
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(field.value(QStringLiteral("name")).toString()) + '=' +
               QUrl::toPercentEncoding(field.value(QStringLiteral("value")).toString());
    }
    return out;
}

void checkState(const FlowState &s, const QByteArray &input)
{
    FUZZ_CHECK(s.motifId >= 0 && s.lieuId >= 0 && s.startsAt >= 0, input);
    FUZZ_CHECK(s.pour.isEmpty() || s.pour == QLatin1String("prescripteur") ||
                   s.pour == QLatin1String("moi"),
               input);
    for (auto it = s.values.cbegin(); it != s.values.cend(); ++it) {
        FUZZ_CHECK(FlowState::prescripteurKeys().contains(it.key()) ||
                       FlowState::usagerKeys().contains(it.key()),
                   "unknown key kept", it.key());
        FUZZ_CHECK(it.value().size() <= 300, "value over 300 characters", input);
    }
}

bool sameState(const FlowState &a, const FlowState &b)
{
    return a.motifId == b.motifId && a.lieuId == b.lieuId && a.startsAt == b.startsAt &&
           a.pour == b.pour && a.values == b.values && a.acknowledged == b.acknowledged;
}

void checkCookies(const QByteArray &header, const QByteArray &formToken)
{
    HttpRequest request;
    request.headers.insert("cookie", header);
    for (const QByteArray &part : header.split(';')) {
        const QString name = QString::fromLatin1(part.left(part.indexOf('=')).trimmed());
        FUZZ_CHECK(!request.cookie(name).contains(QLatin1Char(';')), header);
    }

    static const ServerSecret secret(QByteArray(32, 'k'));
    const Csrf csrf(secret);
    HttpResponse response;
    const QString token = csrf.token(request, response);
    HttpRequest next = request;
    const QByteArray set = response.header("Set-Cookie");
    if (!set.isEmpty()) {
        FUZZ_CHECK(!set.contains('\r') && !set.contains('\n'), set);
        FUZZ_CHECK(set.startsWith("creneau_csrf=") &&
                       set.endsWith("; Path=/; HttpOnly; SameSite=Lax") && set.count(';') == 3,
                   set);
        // The browser sends the new cookie back (alone: the bad one it replaced is gone).
        next.headers.insert("cookie", set.left(set.indexOf(';')));
    }
    FUZZ_CHECK(csrf.check(next, token), "the token given is refused", header, token);
    const QString other = QString::fromUtf8(formToken);
    if (csrf.check(next, other))
        FUZZ_CHECK(other.toLatin1() == token.toLatin1(), "a forged token is accepted", other);
    FUZZ_CHECK(!csrf.check(next, QString()), header);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // A POST body, a query string, a Cookie header, a form's csrf field.
    const QList<QByteArray> f = fuzzcheck::fields(data, size, 4);

    const FlowState form = FlowState::fromForm(f[0]);
    checkState(form, f[0]);
    const FlowState back = FlowState::fromForm(encodeForm(form.hidden()));
    FUZZ_CHECK(sameState(form, back), "the state changes through the hidden fields", f[0],
               encodeForm(form.hidden()));
    const FlowState creneau = FlowState::fromQuery(QUrlQuery(form.creneauQuery()));
    FUZZ_CHECK(creneau.motifId == form.motifId && creneau.lieuId == form.lieuId &&
                   creneau.startsAt == form.startsAt,
               form.creneauQuery());
    form.request(1);
    form.prescripteur();

    const FlowState query = FlowState::fromQuery(QUrlQuery(QString::fromUtf8(f[1])));
    checkState(query, f[1]);
    const QStringList shown = FlowState::usagerKeys();
    for (const QVariant &v : query.hidden(shown))
        FUZZ_CHECK(!shown.contains(v.toMap().value(QStringLiteral("name")).toString()),
                   "a shown field is also hidden", f[1]);

    checkCookies(f[2], f[3]);
    return 0;
}
